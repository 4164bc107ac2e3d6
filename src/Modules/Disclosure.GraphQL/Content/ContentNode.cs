using Disclosure.Contents.Api;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;

namespace Disclosure.GraphQL.Content;

/// <summary>
/// One content item as GraphQL resolves it: the REST API's summary (so the metadata is the same values, computed by the
/// same code) and the version whose data the typed fields read.
/// </summary>
public sealed class ContentNode(ContentSummary summary, ContentVersionRecord version)
{
    private ContentData? _data;

    public ContentSummary Summary { get; } = summary;

    public ContentStatus Status => version.Status;

    /// <summary>The version's authored data, parsed once however many fields are asked for.</summary>
    public ContentData Data => _data ??= ContentData.Parse(version.DataJson);
}

/// <summary>A page of items with the paging figures, as <c>/api/v1/content</c> gives them.</summary>
public sealed record ContentNodePage(int Total, int Page, int PageSize, IReadOnlyList<ContentNode> Items);
