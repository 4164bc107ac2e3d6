using Disclosure.Storage.Entities;
using Disclosure.Storage.Setup;

namespace Disclosure.Storage.Content;

/// <summary>
/// Told of every publish, update and withdrawal inside the transaction that makes it, right after its change-log
/// row, so whatever an observer writes (the channels' outbox) commits or rolls back with the change itself.
/// Observers are scoped and share the caller's <see cref="DisclosureDbContext"/>; they add entities and leave
/// saving to the content manager.
/// </summary>
public interface IContentChangeObserver
{
    Task OnChangeAsync(ContentChange change, CancellationToken cancellationToken);
}

/// <param name="User">Who made the change.</param>
public sealed record ContentChange(ChangeLogEntry Entry, ContentItemRecord Item, ContentVersionRecord Version, string? User)
{
    /// <summary>Replayed from a recipe's content files: history being loaded, not news to push.</summary>
    public bool IsImport => User == RecipeExecutor.ImportUser;
}
