using Disclosure.Core.ContentManagement.Metadata;

namespace Disclosure.Core.Disclosure;

/// <summary>
/// The metadata every disclosure carries (政府信息公开目录 metadata, see shared/reference/standards.md §3).
/// 索引号 and 发布日期 are not here: the system assigns them at publication and keeps them on the item and
/// version records, so that what reviewers approve is exactly what the editor wrote.
/// </summary>
public static class DisclosureMetadataPart
{
    public const string PartName = "DisclosureMetadataPart";

    public const string Catalogue = "Catalogue";                    // 目录分类
    public const string Agency = "Agency";                          // 发布机构
    public const string DocumentNumber = "DocumentNumber";          // 文号
    public const string Topic = "Topic";                            // 主题分类
    public const string WrittenDate = "WrittenDate";                // 成文日期
    public const string Validity = "Validity";                      // 有效性
    public const string Attribute = "Attribute";                    // 公开属性
    public const string NonDisclosureReason = "NonDisclosureReason"; // 不予公开理由
    public const string Channels = "Channels";                      // 公开方式
    public const string Keywords = "Keywords";                      // 关键词
    public const string Summary = "Summary";                        // 内容概述

    public static class Validities
    {
        public const string Valid = "有效";
        public const string Amended = "已修改";
        public const string Repealed = "已废止";
        public const string Expired = "已失效";
        public static readonly IReadOnlyList<string> All = [Valid, Amended, Repealed, Expired];
    }

    public static class Attributes
    {
        public const string Proactive = "主动公开";
        public const string OnRequest = "依申请公开";
        public const string NotDisclosed = "不予公开";
        public static readonly IReadOnlyList<string> All = [Proactive, OnRequest, NotDisclosed];
    }

    public static readonly IReadOnlyList<string> ChannelOptions =
        ["政府网站", "政务微博", "微信公众号", "移动客户端", "公告栏", "新闻发布会", "报刊广播电视"];

    public static readonly ContentPartDefinition Definition = new(PartName, "公开属性",
    [
        // Catalogue, Agency and Topic are checked against the site's own lists by ContentValidator.
        new ContentFieldDefinition { Name = Catalogue, DisplayName = "目录分类", Type = FieldType.Text, Required = true, MaxLength = 32 },
        new ContentFieldDefinition { Name = Agency, DisplayName = "发布机构", Type = FieldType.Text, Required = true, MaxLength = 64 },
        new ContentFieldDefinition { Name = DocumentNumber, DisplayName = "文号", Type = FieldType.Text, MaxLength = 100 },
        new ContentFieldDefinition { Name = Topic, DisplayName = "主题分类", Type = FieldType.Text, Required = true, MaxLength = 64 },
        new ContentFieldDefinition { Name = WrittenDate, DisplayName = "成文日期", Type = FieldType.Date, Required = true },
        new ContentFieldDefinition { Name = Validity, DisplayName = "有效性", Type = FieldType.Choice, Required = true, Options = Validities.All },
        new ContentFieldDefinition { Name = Attribute, DisplayName = "公开属性", Type = FieldType.Choice, Required = true, Options = Attributes.All },
        new ContentFieldDefinition { Name = NonDisclosureReason, DisplayName = "不予公开理由", Type = FieldType.Text, MaxLength = 500 },
        new ContentFieldDefinition { Name = Channels, DisplayName = "公开方式", Type = FieldType.Choice, Multiple = true, Options = ChannelOptions },
        new ContentFieldDefinition { Name = Keywords, DisplayName = "关键词", Type = FieldType.Text, MaxLength = 200 },
        new ContentFieldDefinition { Name = Summary, DisplayName = "内容概述", Type = FieldType.Text, MaxLength = 100 },
    ]);
}
