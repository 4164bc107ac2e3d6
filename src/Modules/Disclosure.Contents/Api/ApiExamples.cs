using System.Text.Json.Nodes;

namespace Disclosure.Contents.Api;

/// <summary>
/// The examples the OpenAPI document shows for this module's operations (see <c>WithResponseExample</c>): real
/// response records filled with a demo item of 永宁县公安局, so they serialize exactly as a call answers.
/// </summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset Published = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public static ContentSummary Summary { get; } = new(
        "notice-2026-winter-road-safety", "Disclosure", "关于做好冬季道路交通安全工作的通告", "640121-103/2026-00042", "永公通〔2026〕12号",
        "03.02", "通知公告", "640121-103", "永宁县公安局", "2026-11-18", Published, 1, "/api/v1/content/notice-2026-winter-road-safety");

    public static ContentPage Page { get; } = new(1, 20, 185, [Summary]);

    public static ContentDetail Detail { get; } = new(Summary, Data());

    public static ChangePage Changes { get; } = new(
        [
            new ChangeItem(1203, Summary.Id, "Disclosure", "published", 1, Published, Summary.Url),
            new ChangeItem(1204, "sg-traffic-accident-determination", "ServiceGuide", "updated", 2, Published.AddHours(2), "/api/v1/content/sg-traffic-accident-determination"),
        ],
        "1204",
        false);

    public static DraftRequest CreateDraft { get; } = new("Disclosure", Data());

    public static DraftRequest UpdateDraft { get; } = new(null, Data("关于做好冬季道路交通安全工作的通告（修订）"));

    public static DraftResponse Draft { get; } = new(
        "4f0c2a9e7b1d4c35a8e6f2d9b0c1e7a3", "Disclosure", 1, "Draft", "草稿", "关于做好冬季道路交通安全工作的通告", null, "bgs",
        Published, "api:oa-3f9k2m7q", "/api/v1/drafts/4f0c2a9e7b1d4c35a8e6f2d9b0c1e7a3", Data());

    public static DraftResponse UpdatedDraft { get; } = Draft with
    {
        Version = 2, Title = "关于做好冬季道路交通安全工作的通告（修订）", Data = Data("关于做好冬季道路交通安全工作的通告（修订）"),
    };

    public static SubmittedResponse Submitted { get; } = new(
        Draft.Id, 1, 318, "标准审核流程", "初审", 0, "已上报，等待审核。审核、发布由工作人员在后台办理。");

    public static UploadedMedia Media { get; } = new(
        "2026/11/9c1e5d7a0b3f4e2d8a6c1b9e7f0d2a4c.pdf", "冬季道路交通安全提示.pdf", "application/pdf", 184_320,
        "3b5d7f9a1c2e4f6a8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f1a");

    private static JsonObject Data(string title = "关于做好冬季道路交通安全工作的通告") => new()
    {
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["DisclosureMetadataPart"] = new JsonObject
        {
            ["Catalogue"] = "03.02",
            ["Agency"] = "640121-103",
            ["Topic"] = "公安、安全、司法",
            ["DocumentNumber"] = "永公通〔2026〕12号",
            ["WrittenDate"] = "2026-11-18",
            ["Validity"] = "有效",
            ["Attribute"] = "主动公开",
            ["Channels"] = new JsonArray("政府网站", "微信公众号"),
        },
        ["BodyPart"] = new JsonObject { ["Markdown"] = "为做好冬季道路交通安全工作，现将有关事项通告如下……" },
    };
}
