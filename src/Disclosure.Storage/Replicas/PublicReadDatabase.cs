namespace Disclosure.Storage.Replicas;

/// <summary>
/// The database a scope's public reads go to: a standby that has caught up with what this node has seen
/// (<see cref="ReadReplicaSelector"/>), else the scope's own <see cref="DisclosureDbContext"/> on the primary. Chosen
/// once per scope, so one page reads one database.
/// </summary>
public sealed class PublicReadDatabase(DisclosureDbContext primary, ReadReplicaSelector selector) : IAsyncDisposable
{
    private DisclosureDbContext? _chosen;
    private DisclosureDbContext? _standby;

    public async ValueTask<DisclosureDbContext> GetAsync(CancellationToken cancellationToken)
    {
        if (_chosen is null)
        {
            var standby = selector.HasStandbys ? await selector.ChooseAsync(cancellationToken) : null;
            _chosen = standby is null ? primary : _standby = new DisclosureDbContext(standby);
        }

        return _chosen;
    }

    public ValueTask DisposeAsync() => _standby?.DisposeAsync() ?? ValueTask.CompletedTask;
}
