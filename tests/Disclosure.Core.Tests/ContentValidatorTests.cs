using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.ContentManagement.Validation;

namespace Disclosure.Core.Tests;

public sealed class ContentValidatorTests
{
    private static readonly ContentTypeDefinition Guide = new()
    {
        Name = "ServiceGuide",
        DisplayName = "办事指南",
        Parts = ["TitlePart", "DisclosureMetadataPart", "BodyPart"],
        Fields =
        [
            new() { Name = "Code", DisplayName = "事项编码", Type = FieldType.Text, Required = true, MaxLength = 10 },
            new() { Name = "PowerKind", DisplayName = "权力类别", Type = FieldType.Choice, Required = true, Options = ["行政许可", "行政处罚"] },
            new() { Name = "Charged", DisplayName = "是否收费", Type = FieldType.Boolean },
            new() { Name = "PromisedDays", DisplayName = "承诺期限", Type = FieldType.Number, Min = 0, Max = 60 },
            new() { Name = "Fee", DisplayName = "收费金额", Type = FieldType.Number, Scale = 2 },
            new() { Name = "EffectiveDate", DisplayName = "施行日期", Type = FieldType.Date },
            new() { Name = "OnlineLink", DisplayName = "在线办理", Type = FieldType.Link },
            new() { Name = "Faq", DisplayName = "常见问题", Type = FieldType.Table, Columns = ["问题", "解答"] },
            new() { Name = "Related", DisplayName = "相关文件", Type = FieldType.ContentPicker, Multiple = true, ContentTypes = ["RegulatoryDocument"] },
            new() { Name = "Forms", DisplayName = "服务表格", Type = FieldType.Media, Multiple = true },
        ],
    };

    private static readonly ContentValidationContext Context = new()
    {
        CatalogueCodes = new HashSet<string> { "06.01" },
        AgencyCodes = new HashSet<string> { "640121-103" },
        Topics = new HashSet<string> { "公安、安全、司法" },
        FindContentType = id => id switch { "reg-1" => "RegulatoryDocument", "news-1" => "Disclosure", _ => null },
    };

    private static ContentData Valid() => new(new JsonObject
    {
        ["TitlePart"] = new JsonObject { ["Title"] = "居民身份证首次申领办事指南" },
        ["DisclosureMetadataPart"] = new JsonObject
        {
            ["Catalogue"] = "06.01", ["Agency"] = "640121-103", ["Topic"] = "公安、安全、司法", ["WrittenDate"] = "2024-05-06",
            ["Validity"] = "有效", ["Attribute"] = "主动公开", ["Channels"] = new JsonArray("政府网站"),
        },
        ["BodyPart"] = new JsonObject { ["Markdown"] = "## 办理流程" },
        ["ServiceGuide"] = new JsonObject
        {
            ["Code"] = "XK-001", ["PowerKind"] = "行政许可", ["Charged"] = false, ["PromisedDays"] = 15, ["Fee"] = 20.5,
            ["EffectiveDate"] = "2024-06-01", ["OnlineLink"] = new JsonObject { ["url"] = "https://zwfw.nx.gov.cn/item/1", ["text"] = "在线办理" },
            ["Faq"] = new JsonObject { ["rows"] = new JsonArray(new JsonArray("需要照片吗？", "现场免费拍照。")) },
            ["Related"] = new JsonArray("reg-1"),
            ["Forms"] = new JsonArray(new JsonObject { ["path"] = "/media/forms/a.docx", ["name"] = "申请表.docx" }),
        },
    });

    [Fact]
    public void A_complete_item_passes()
    {
        Assert.Empty(ContentValidator.Validate(Guide, Valid(), Context));
    }

    public static TheoryData<string, string, string?, string, string> Cases => new()
    {
        // part, field, JSON value (null = remove), expected path, expected message fragment
        { "TitlePart", "Title", null, "TitlePart.Title", "「标题」为必填项" },
        { "TitlePart", "Title", "\"   \"", "TitlePart.Title", "「标题」为必填项" },
        { "TitlePart", "Title", "123", "TitlePart.Title", "「标题」应为文本" },
        { "ServiceGuide", "Code", null, "ServiceGuide.Code", "「事项编码」为必填项" },
        { "ServiceGuide", "Code", "\"XK-0000000001\"", "ServiceGuide.Code", "不能超过 10 个字符（当前 13 个）" },
        { "ServiceGuide", "PowerKind", "\"行政征收\"", "ServiceGuide.PowerKind", "不在可选项中（可选：行政许可、行政处罚）" },
        { "ServiceGuide", "PowerKind", "[\"行政许可\",\"行政处罚\"]", "ServiceGuide.PowerKind", "只能选择一项" },
        { "ServiceGuide", "Charged", "\"否\"", "ServiceGuide.Charged", "应为“是”或“否”" },
        { "ServiceGuide", "PromisedDays", "\"十五\"", "ServiceGuide.PromisedDays", "「承诺期限」应为数字" },
        { "ServiceGuide", "PromisedDays", "61", "ServiceGuide.PromisedDays", "不能大于 60" },
        { "ServiceGuide", "PromisedDays", "-1", "ServiceGuide.PromisedDays", "不能小于 0" },
        { "ServiceGuide", "PromisedDays", "1.5", "ServiceGuide.PromisedDays", "应为整数" },
        { "ServiceGuide", "Fee", "20.555", "ServiceGuide.Fee", "最多保留 2 位小数" },
        { "ServiceGuide", "EffectiveDate", "\"2024-02-30\"", "ServiceGuide.EffectiveDate", "不是有效日期" },
        { "ServiceGuide", "EffectiveDate", "\"2024/06/01\"", "ServiceGuide.EffectiveDate", "YYYY-MM-DD" },
        { "ServiceGuide", "EffectiveDate", "20240601", "ServiceGuide.EffectiveDate", "不是有效日期" },
        { "ServiceGuide", "OnlineLink", "{\"url\":\"javascript:alert(1)\"}", "ServiceGuide.OnlineLink.url", "链接地址“javascript:alert(1)”无效" },
        { "ServiceGuide", "OnlineLink", "\"https://example.org\"", "ServiceGuide.OnlineLink", "应包含链接地址" },
        { "ServiceGuide", "Faq", "{\"rows\":[[\"只有问题\"]]}", "ServiceGuide.Faq.rows[0]", "第 1 行应有 2 列（问题、解答），实际 1 列" },
        { "ServiceGuide", "Related", "[\"missing-1\"]", "ServiceGuide.Related[0]", "引用的内容“missing-1”不存在" },
        { "ServiceGuide", "Related", "[\"news-1\"]", "ServiceGuide.Related[0]", "只能选择RegulatoryDocument类型的内容" },
        { "ServiceGuide", "Forms", "[{\"name\":\"无路径.docx\"}]", "ServiceGuide.Forms[0]", "应包含文件路径" },
        { "ServiceGuide", "Unknown", "\"x\"", "ServiceGuide.Unknown", "没有名为“Unknown”的字段" },
        { "DisclosureMetadataPart", "WrittenDate", null, "DisclosureMetadataPart.WrittenDate", "「成文日期」为必填项" },
        { "DisclosureMetadataPart", "WrittenDate", "\"2017-3-29\"", "DisclosureMetadataPart.WrittenDate", "不是有效日期" },
        { "DisclosureMetadataPart", "Attribute", "\"内部公开\"", "DisclosureMetadataPart.Attribute", "不在可选项中" },
        { "DisclosureMetadataPart", "Attribute", "\"不予公开\"", "DisclosureMetadataPart.NonDisclosureReason", "必须填写「不予公开理由」" },
        { "DisclosureMetadataPart", "Catalogue", "\"99.99\"", "DisclosureMetadataPart.Catalogue", "“99.99”不存在于信息公开目录中" },
        { "DisclosureMetadataPart", "Agency", "\"000000-000\"", "DisclosureMetadataPart.Agency", "不是本站登记的机构" },
        { "DisclosureMetadataPart", "Topic", "\"娱乐\"", "DisclosureMetadataPart.Topic", "不在主题分类表中" },
        { "DisclosureMetadataPart", "Channels", "[\"抖音\"]", "DisclosureMetadataPart.Channels[0]", "“抖音”不在可选项中" },
        { "DisclosureMetadataPart", "Summary", "\"" + new string('概', 101) + "\"", "DisclosureMetadataPart.Summary", "不能超过 100 个字符" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_value_is_reported_at_its_path_in_zh_CN(string part, string field, string? json, string path, string message)
    {
        var data = Valid();
        var partObject = (JsonObject)data.Root[part]!;
        if (json is null)
        {
            partObject.Remove(field);
        }
        else
        {
            partObject[field] = JsonNode.Parse(json);
        }

        var errors = ContentValidator.Validate(Guide, data, Context);

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Not_disclosed_with_a_reason_passes()
    {
        var data = Valid();
        data.Root["DisclosureMetadataPart"]!["Attribute"] = "不予公开";
        data.Root["DisclosureMetadataPart"]!["NonDisclosureReason"] = "属于国家秘密";
        Assert.Empty(ContentValidator.Validate(Guide, data, Context));
    }

    [Fact]
    public void A_part_the_type_does_not_have_is_refused()
    {
        var data = Valid();
        data.Root["BudgetPart"] = new JsonObject();
        var error = Assert.Single(ContentValidator.Validate(Guide, data, Context));
        Assert.Equal("BudgetPart", error.Path);
        Assert.Contains("没有名为“BudgetPart”的部件", error.Message);
    }

    [Fact]
    public void Html_fields_lose_scripts_and_event_handlers()
    {
        var type = Guide with { Fields = [new() { Name = "Notes", DisplayName = "说明", Type = FieldType.Html }] };
        var data = new ContentData(new JsonObject { ["ServiceGuide"] = new JsonObject { ["Notes"] = "<p onclick=\"x()\">办理<script>alert(1)</script></p>" } });
        HtmlFieldSanitizer.Sanitize(type, data);
        Assert.Equal("<p>办理</p>", data.GetString("ServiceGuide", "Notes"));
    }
}
