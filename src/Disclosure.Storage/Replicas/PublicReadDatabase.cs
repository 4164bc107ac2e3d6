using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Disclosure.Storage.Replicas;

/// <summary>
/// The database a scope's public reads go to: a standby that has caught up with what this node has seen
/// (<see cref="ReadReplicaSelector"/>), else the scope's own <see cref="DisclosureDbContext"/> on the primary. Chosen
/// once per scope, so one page reads one database; a read the standby fails is read again from the primary.
/// </summary>
public sealed class PublicReadDatabase(DisclosureDbContext primary, ReadReplicaSelector selector) : IDisposable, IAsyncDisposable
{
    private bool _chosen;
    private DbContextOptions<DisclosureDbContext>? _standbyOptions;
    private DisclosureDbContext? _standby;

    public async Task<T> ReadAsync<T>(Func<DisclosureDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
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
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Gone since it was chosen, or it cancelled the query to go on replaying: the primary has it all, and
            // answers the rest of this scope's reads too.
            selector.Failed(_standbyOptions!, exception);
            await _standby.DisposeAsync();
            _standby = null;
            return await read(primary);
        }
    }

    // Both: a scope disposed synchronously (a test's, a command's) refuses a service that is only async-disposable.
    public void Dispose() => _standby?.Dispose();

    public ValueTask DisposeAsync() => _standby?.DisposeAsync() ?? ValueTask.CompletedTask;
}
