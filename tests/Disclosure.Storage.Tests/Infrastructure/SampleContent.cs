using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;

namespace Disclosure.Storage.Tests.Infrastructure;

/// <summary>Valid data for the setup recipe's Disclosure type, to be varied by tests.</summary>
public static class SampleContent
{
    public const string Agency = "640121-103";

    /// <summary>A fixed publication time, so 索引号 years do not depend on the day the tests run.</summary>
    public static readonly DateTimeOffset PublishedAt = new(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(8));

    public static ContentData Notice(string title = "关于开展冬季火灾防控工作的通告", string catalogue = "03.02", string? documentNumber = null, string body = "为切实做好冬季火灾防控工作……") =>
        new(new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["DisclosureMetadataPart"] = new JsonObject
            {
                ["Catalogue"] = catalogue,
                ["Agency"] = Agency,
                ["DocumentNumber"] = documentNumber,
                ["Topic"] = "公安、安全、司法",
                ["WrittenDate"] = "2026-11-02",
                ["Validity"] = "有效",
                ["Attribute"] = "主动公开",
                ["Channels"] = new JsonArray("政府网站", "微信公众号"),
            },
            ["BodyPart"] = new JsonObject { ["Markdown"] = body },
        });
}
