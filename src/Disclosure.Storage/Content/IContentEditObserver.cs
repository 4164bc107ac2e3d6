using Disclosure.Storage.Entities;

namespace Disclosure.Storage.Content;

/// <summary>
/// Told when an edit saves a new draft over the item's open versions (a draft, or a version in review, approved or
/// scheduled), inside the edit's transaction and after the new version is saved. The review module uses it to end
/// the reviews of the archived versions, so an edit after any approval restarts the chain.
/// </summary>
public interface IContentEditObserver
{
    Task OnEditedAsync(ContentEdit edit, CancellationToken cancellationToken);
}

/// <param name="Archived">The open versions the edit archived (they were not public).</param>
/// <param name="Created">The new draft.</param>
/// <param name="User">Who edited.</param>
public sealed record ContentEdit(ContentItemRecord Item, IReadOnlyList<ContentVersionRecord> Archived, ContentVersionRecord Created, string? User);
