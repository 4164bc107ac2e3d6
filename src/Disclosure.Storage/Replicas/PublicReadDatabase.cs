using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Disclosure.Storage.Replicas;

/// <summary>
/// The database a scope's public reads go to: a standby that has caught up with what this node has seen
/// (<see cref="ReadReplicaSelector"/>), else the scope's own <see cref="DisclosureDbContext"/> on the primary. Chosen
/// at the scope's first read, so a page reads one database; chosen again when the node has since seen a change the
/// standby has not replayed (a long-lived scope such as the link check). A read the standby fails for a reason of its
/// own (gone, restarting, or cancelling the query to replay) is read again from the primary.
/// </summary>
public sealed class PublicReadDatabase(DisclosureDbContext primary, ReadReplicaSelector selector) : IDisposable, IAsyncDisposable
{
    private bool _chosen;
    private DbContextOptions<DisclosureDbContext>? _standbyOptions;
    private DisclosureDbContext? _standby;

    public async Task<T> ReadAsync<T>(Func<DisclosureDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        if (_standby is not null && !await selector.StillCoversAsync(_standbyOptions!, cancellationToken))
        {
            await DropStandbyAsync();
        }

        if (!_chosen)
        {
            _standbyOptions = await selector.ChooseAsync(cancellationToken);
            _standby = _standbyOptions is null ? null : new DisclosureDbContext(_standbyOptions);
            _chosen = true;
        }

        if (_standby is null)
        {
            return await read(primary);
        }

        try
        {
            return await read(_standby);
        }
        catch (Exception exception) when (IsTheStandbys(exception) && !cancellationToken.IsCancellationRequested)
        {
            // The primary has it all, and answers the rest of this scope's reads too.
            selector.Failed(_standbyOptions!, exception);
            await DropStandbyAsync();
            _chosen = true;
            return await read(primary);
        }
    }

    // A connection or server failure, or a query cancelled for a conflict with recovery: the standby's, not the
    // query's (an error in the query itself would fail on the primary too, and must not send every read there).
    private static bool IsTheStandbys(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or TimeoutException;

    private async ValueTask DropStandbyAsync()
    {
        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }

        _standby = null;
        _standbyOptions = null;
        _chosen = false;
    }

    // Both: a scope disposed synchronously (a test's, a command's) refuses a service that is only async-disposable.
    public void Dispose() => _standby?.Dispose();

    public ValueTask DisposeAsync() => _standby?.DisposeAsync() ?? ValueTask.CompletedTask;
}
