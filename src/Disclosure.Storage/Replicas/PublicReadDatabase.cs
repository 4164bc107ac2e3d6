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
    private DisclosureDbContext? _chosen;
    private DisclosureDbContext? _standby;
    private DbContextOptions<DisclosureDbContext>? _standbyOptions;

    public async Task<T> ReadAsync<T>(Func<DisclosureDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        if (_chosen is null)
        {
            _standbyOptions = selector.HasStandbys ? await selector.ChooseAsync(cancellationToken) : null;
            _chosen = _standbyOptions is null ? primary : _standby = new DisclosureDbContext(_standbyOptions);
        }

        if (ReferenceEquals(_chosen, primary))
        {
            return await read(primary);
        }

        try
        {
            return await read(_chosen);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Gone since it was chosen, or it cancelled the query to go on replaying: the primary has it all.
            selector.Failed(_standbyOptions!, exception);
            _chosen = primary;
            return await read(primary);
        }
    }

    // Both: a scope disposed synchronously (a test's, a command's) refuses a service that is only async-disposable.
    public void Dispose() => _standby?.Dispose();

    public ValueTask DisposeAsync() => _standby?.DisposeAsync() ?? ValueTask.CompletedTask;
}
