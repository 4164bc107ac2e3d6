using GraphQL.Types;

namespace Disclosure.GraphQL.Content;

/// <summary>链接: an address and its text.</summary>
public sealed class LinkGraphType : ObjectGraphType<LinkValue>
{
    public const string TypeName = "Link";

    public LinkGraphType()
    {
        Name = TypeName;
        Description = "链接";
        Field<NonNullGraphType<StringGraphType>>("url").Description("链接地址").Resolve(c => c.Source.Url);
        Field<StringGraphType>("text").Description("链接文字").Resolve(c => c.Source.Text);
    }
}

/// <summary>附件: one uploaded file.</summary>
public sealed class MediaFileGraphType : ObjectGraphType<MediaFile>
{
    public const string TypeName = "MediaFile";

    public MediaFileGraphType()
    {
        Name = TypeName;
        Description = "附件";
        Field<NonNullGraphType<StringGraphType>>("name").Description("文件名").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("path").Description("存储路径（内容数据中的 path）").Resolve(c => c.Source.Path);
        Field<LongGraphType>("size").Description("文件大小（字节）").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<StringGraphType>>("url").Description("公开下载地址（已发布内容的附件）").Resolve(c => c.Source.Url);
    }
}

/// <summary>表格: column headings and rows.</summary>
public sealed class TableGraphType : ObjectGraphType<TableValue>
{
    public const string TypeName = "Table";

    public TableGraphType()
    {
        Name = TypeName;
        Description = "表格";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("columns").Description("列标题").Resolve(c => c.Source.Columns);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<StringGraphType>>>>>("rows").Description("各行单元格").Resolve(c => c.Source.Rows);
    }
}
