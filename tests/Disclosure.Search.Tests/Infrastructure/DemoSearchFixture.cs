using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Search.Tests.Infrastructure;

/// <summary>
/// The demo content imported by the real recipes into a real database, indexed by the real indexer — once per
/// engine for a test class, created on first use so a SQLite test never waits for PostgreSQL.
/// </summary>
public sealed class DemoSearchFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Lazy<Task<(TestDatabase Database, SearchHarness Harness)>>> _sites;

    public DemoSearchFixture() =>
        _sites = Enum.GetValues<DatabaseProvider>().ToDictionary(e => e, e => new Lazy<Task<(TestDatabase, SearchHarness)>>(() => CreateAsync(e)));

    public async Task<SearchHarness> GetAsync(DatabaseProvider engine) => (await _sites[engine].Value).Harness;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var site in _sites.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                var (database, harness) = await site.Value;
                await harness.DisposeAsync();
                await database.DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // Creation failed; the test that asked for it has already reported why.
            }
        }
    }

    private static async Task<(TestDatabase, SearchHarness)> CreateAsync(DatabaseProvider engine)
    {
        var database = await SearchHarness.DemoDatabaseAsync(engine);
        var harness = SearchHarness.Create(database);
        await harness.Indexer.CatchUpAsync();
        return (database, harness);
    }
}
