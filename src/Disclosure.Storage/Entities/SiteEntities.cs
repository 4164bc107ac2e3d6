using Disclosure.Storage.Changes;

namespace Disclosure.Storage.Entities;

/// <summary>A named site setting from the setup recipe (site name, default 索引号 pattern, time zone).</summary>
public sealed class SiteSetting : IPublicReadModel
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}

/// <summary>A content type definition; the definition itself is kept as JSON like Orchard's ContentDefinitionRecord.</summary>
public sealed class ContentTypeRecord : IPublicReadModel
{
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public required string DefinitionJson { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>发布机构.</summary>
public sealed class AgencyRecord : IPublicReadModel
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string AreaCode { get; set; }
    public required string DepartmentCode { get; set; }
    public string? CreditCode { get; set; }
    public string? IndexNumberFormat { get; set; }
}

/// <summary>An internal department (中心/室/队/所) of an agency.</summary>
public sealed class DepartmentRecord : IPublicReadModel
{
    public long Id { get; set; }
    public required string AgencyCode { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>A class of the 信息公开目录.</summary>
public sealed class CatalogueClassRecord : IPublicReadModel
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }
    public int Position { get; set; }
    public string? Description { get; set; }
}

/// <summary>A 主题分类 entry.</summary>
public sealed class TopicRecord : IPublicReadModel
{
    public required string Name { get; set; }
    public int Position { get; set; }
}

/// <summary>A named monotonic counter (索引号 sequences, the change-log sequence).</summary>
public sealed class Counter
{
    public required string Name { get; set; }
    public long Value { get; set; }
}

/// <summary>A recipe that has been applied, with the hash of what was applied.</summary>
public sealed class RecipeExecution
{
    public long Id { get; set; }
    public required string RecipeName { get; set; }
    public required string Hash { get; set; }
    public DateTime ExecutedUtc { get; set; }
}
