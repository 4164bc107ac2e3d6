using Disclosure.Storage.Agencies;

namespace Disclosure.Supervision.Links;

/// <summary>Where a link points, which decides how it is checked.</summary>
public enum LinkKind
{
    /// <summary>A page of this site (item, 目录, any other route), checked in the database and the route table.</summary>
    Internal,

    /// <summary>An attachment or media file of an item, checked in the media store.</summary>
    Attachment,

    /// <summary>Another site's page, requested over HTTP if its host is allowed.</summary>
    External,
}

/// <summary>
/// One 死链: a link in the published version of an item that did not work when last checked (table BrokenLinks). A
/// link that works again, or an item no longer published, loses its row; only broken links are kept.
/// </summary>
public sealed class BrokenLink : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The item's public id (<c>/content/{id}</c>).</summary>
    public required string ContentItemId { get; set; }

    /// <summary>The item's agency and drafting department when checked, for scoping and the per-department counts.</summary>
    public string AgencyCode { get; set; } = string.Empty;

    public string? DepartmentCode { get; set; }

    /// <summary>The link as written in the item (resolved against the item's page when relative).</summary>
    public required string Url { get; set; }

    /// <summary>SHA-256 of <see cref="Url"/> (hex): the unique key with the item, since a URL may be longer than an index allows.</summary>
    public required string UrlHash { get; set; }

    /// <summary>The link's text or the attachment's name, for the office to find it in the item.</summary>
    public string? LinkText { get; set; }

    public LinkKind Kind { get; set; }

    /// <summary>The HTTP status answered, when there was an answer.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Why it is broken, in zh-CN: 404 页面不存在, 超时, 无法连接, 附件不存在 ….</summary>
    public required string Reason { get; set; }

    public DateTime FirstSeenUtc { get; set; }

    public DateTime LastCheckedUtc { get; set; }
}
