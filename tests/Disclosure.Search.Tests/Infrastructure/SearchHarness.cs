using Disclosure.Modules;
using Disclosure.Search.Following;
using Disclosure.Search.IndexStore;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Disclosure.Search.Tests.Infrastructure;

/// <summary>
/// One node's search stack — the real index on disk, indexer and search service — over a real database
/// (<see cref="TestDatabase"/>), wired with the same registration the web host uses. Several harnesses may share
/// one database (two nodes) or one index folder (a restart after a crash).
/// </summary>
public sealed class SearchHarness : IAsyncDisposable
{
    private readonly bool _ownsFolder;

    private SearchHarness(TestDatabase database, string indexFolder, bool ownsFolder, Action<SearchOptions>? configure)
    {
        Database = database;
        IndexFolder = indexFolder;
        _ownsFolder = ownsFolder;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDisclosureStorage(database.Options).AddDisclosureModules(InstalledModules.All);
        // After the module's own settings (configuration), before it resolves the folder against the data folder.
        services.Configure<SearchOptions>(options =>
        {
            options.IndexFolder = indexFolder;
            options.FollowChanges = false; // tests drive the indexer unless they start the follower themselves
            configure?.Invoke(options);
        });
        Services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public string IndexFolder { get; }

    public ServiceProvider Services { get; }

    public SearchIndex Index => Services.GetRequiredService<SearchIndex>();

    public SearchIndexer Indexer => Services.GetRequiredService<SearchIndexer>();

    public ISearchService Search => Services.GetRequiredService<ISearchService>();

    public static string NewIndexFolder() => Path.Combine(Path.GetTempPath(), "disclosure-search-tests", Guid.NewGuid().ToString("n"));

    /// <summary>A node with its own new index folder on <paramref name="database"/>.</summary>
    public static SearchHarness Create(TestDatabase database, Action<SearchOptions>? configure = null) =>
        new(database, NewIndexFolder(), ownsFolder: true, configure);

    /// <summary>A node reopening an existing index folder (a restart of the same node).</summary>
    public static SearchHarness Reopen(TestDatabase database, string indexFolder, Action<SearchOptions>? configure = null) =>
        new(database, indexFolder, ownsFolder: false, configure);

    /// <summary>A new database with the repository's setup and demo recipes applied (a copy of the process's demo template).</summary>
    public static Task<TestDatabase> DemoDatabaseAsync(DatabaseProvider engine) => TestDatabase.CreateDemoAsync(engine);

    public SearchResponse Find(string query, Func<SearchRequest, SearchRequest>? adjust = null)
    {
        var request = new SearchRequest { Query = query, PageSize = SearchRequest.MaxPageSize };
        return Search.Search(adjust is null ? request : adjust(request));
    }

    /// <summary>Every hit of a search, through all its pages.</summary>
    public List<SearchHit> FindAll(string query, Func<SearchRequest, SearchRequest>? adjust = null)
    {
        var hits = new List<SearchHit>();
        for (var page = 1; ; page++)
        {
            var response = Find(query, r => (adjust is null ? r : adjust(r)) with { Page = page });
            Assert.True(response.IsValid, response.Error?.Message);
            hits.AddRange(response.Hits);
            if (response.Hits.Count < response.PageSize)
            {
                Assert.Equal(response.Total, hits.Count);
                return hits;
            }
        }
    }

    /// <summary>Starts the hosted follower, as the web host would.</summary>
    public async Task<IAsyncDisposable> StartFollowerAsync()
    {
        var follower = Services.GetServices<IHostedService>().OfType<SearchIndexFollower>().Single();
        await follower.StartAsync(CancellationToken.None);
        return new Stopper(follower);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsFolder && Directory.Exists(IndexFolder))
        {
            Directory.Delete(IndexFolder, recursive: true);
        }
    }

    private sealed class Stopper(IHostedService service) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await service.StopAsync(CancellationToken.None);
    }
}
