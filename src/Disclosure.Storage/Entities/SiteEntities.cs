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

/// <summary>
/// An agency (发布机构) of the installation. Agencies form a tree (集约化: a 市局 hosts its 县局 and their 派出所), so a
/// parent's portal and annual-report roll-up can reach its subtree; a root has no <see cref="ParentCode"/>.
/// </summary>
public sealed class AgencyRecord : IPublicReadModel
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The agency above this one (上级机关), or null for a root.</summary>
    public string? ParentCode { get; set; }

    /// <summary>Order among its siblings, as the portal and the admin tree list them.</summary>
    public int Position { get; set; }

    /// <summary>Whether the public 依申请公开 form offers this agency (an agency may accept applications only by letter).</summary>
    public bool AcceptsOnlineRequests { get; set; } = true;

    public required string AreaCode { get; set; }
    public required string DepartmentCode { get; set; }
    public string? CreditCode { get; set; }
    public string? IndexNumberFormat { get; set; }
}

/// <summary>
/// One of an agency's own settings (its identity: 联系地址, 行政复议机关, footer marks …). A value here overrides the
/// same setting of the agencies above it and of the installation (<see cref="SiteSetting"/>).
/// </summary>
public sealed class AgencySettingRecord : IPublicReadModel
{
    public required string AgencyCode { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
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
