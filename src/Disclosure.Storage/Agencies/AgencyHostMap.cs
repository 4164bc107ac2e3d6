using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Agencies;

/// <summary>
/// Which configured host name serves which agency, read from AgencySettings and kept for a short while so not every
/// request (stylesheets included) asks the database. The agency form drops it on save so this node follows at once;
/// other nodes follow within <see cref="Lifetime"/>.
/// </summary>
public sealed class AgencyHostMap(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _snapshot;

    public async Task<string?> FindAsync(string host, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.LoadedAt > Lifetime)
        {
            var map = await requestServices.GetRequiredService<AgencySiteStore>().HostMapAsync(cancellationToken);
            _snapshot = snapshot = new Snapshot(map, clock.GetUtcNow());
        }

        return snapshot.Hosts.GetValueOrDefault(host);
    }

    public void Invalidate() => _snapshot = null;

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Hosts, DateTimeOffset LoadedAt);
}
