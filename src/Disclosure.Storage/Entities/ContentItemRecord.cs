using Disclosure.Storage.Agencies;

namespace Disclosure.Storage.Entities;

/// <summary>A content item: what stays the same across its versions (its public id, type and 索引号).</summary>
public sealed class ContentItemRecord : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The public id used in URLs and the API.</summary>
    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    /// <summary>索引号, assigned at first publication and never changed or reused.</summary>
    public string? IndexNumber { get; set; }

    /// <summary>The drafting department (中心/室/队/所); "谁公开，谁上报，谁负责".</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>
    /// The agency the item belongs to (集约化): its staff draft, review and publish it and nobody else's do. It follows
    /// the latest version's 发布机构, so it is the same agency the public site lists the item under.
    /// </summary>
    public string AgencyCode { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? FirstPublishedUtc { get; set; }

    public int LatestVersionNumber { get; set; }

    public List<ContentVersionRecord> Versions { get; set; } = [];
}
