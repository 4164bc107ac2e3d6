namespace Disclosure.Core.ContentManagement.Metadata;

/// <summary>The typed fields a content part can hold (Orchard Core's field kinds, trimmed to what disclosures need).</summary>
public enum FieldType
{
    Text,
    Markdown,
    Html,
    Date,
    /// <summary>An integer or decimal; <see cref="ContentFieldDefinition.Scale"/> sets the decimal places allowed.</summary>
    Number,
    Boolean,
    Choice,
    Link,
    /// <summary>Uploaded files: attachments, images, forms.</summary>
    Media,
    /// <summary>References to other content items by their public id.</summary>
    ContentPicker,
    /// <summary>Rows of cells under fixed column headings.</summary>
    Table,
}

public static class FieldTypeNames
{
    public static string DisplayName(FieldType type) => type switch
    {
        FieldType.Text => "文本",
        FieldType.Markdown => "Markdown 文本",
        FieldType.Html => "HTML",
        FieldType.Date => "日期",
        FieldType.Number => "数字",
        FieldType.Boolean => "是/否",
        FieldType.Choice => "选项",
        FieldType.Link => "链接",
        FieldType.Media => "附件",
        FieldType.ContentPicker => "关联内容",
        FieldType.Table => "表格",
        _ => type.ToString(),
    };
}
