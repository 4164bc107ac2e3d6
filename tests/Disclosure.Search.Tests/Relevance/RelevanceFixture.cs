using Disclosure.DataGenerator;
using Disclosure.Search.Indexing;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Tests.Infrastructure;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Search.Tests.Relevance;

/// <summary>
/// The two corpora the judged queries run on, each behind the real search service: the demo site (the repository's
/// recipes imported into SQLite and indexed by the real indexer) and a small deterministic generator corpus (the
/// benchmark's <see cref="Corpus"/>, indexed straight into a second index of the same stack). They are kept apart
/// because the generator's items are about the same subjects as the demo's (户籍管理, 烟花爆竹 …): mixed into one
/// index they would be legitimate answers to the demo queries, which were judged against the demo alone.
/// </summary>
public sealed class RelevanceFixture : IAsyncLifetime
{
    /// <summary>
    /// Large enough that a 文号 or 索引号 has hundreds of near misses (same prefix or agency, same year, another
    /// number), small enough to generate and index in a second or two. Item i is the same whatever the size.
    /// </summary>
    public const int GeneratedSize = 1_000;

    private TestDatabase? _database;

    public SearchHarness Demo { get; private set; } = null!;

    public SearchHarness Generated { get; private set; } = null!;

    /// <summary>The generated items, to resolve judgements written as a 文号, 索引号 or title.</summary>
    public IReadOnlyList<IndexableContent> GeneratedItems { get; private set; } = [];

    /// <summary>The 索引号 each demo item was published under, by id (what its page shows and a user copies).</summary>
    public IReadOnlyDictionary<string, string> DemoIndexNumbers { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await SearchHarness.DemoDatabaseAsync(DatabaseProvider.Sqlite);
        Demo = SearchHarness.Create(_database);
        await Demo.Indexer.CatchUpAsync();
        DemoIndexNumbers = await _database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems
            .Where(i => i.IndexNumber != null).ToDictionaryAsync(i => i.ContentItemId, i => i.IndexNumber!));

        // A second node on the same database whose index holds only the generated corpus: its indexer never runs.
        Generated = SearchHarness.Create(_database);
        var corpus = new Corpus(Path.Combine(RepositoryPaths.Recipes, "setup.json"), GeneratedSize);
        GeneratedItems = corpus.Items().ToList();
        Generated.Index.Apply(GeneratedItems.Select(item => IndexChange.Upsert(item, corpus.Labels)).ToList(), checkpoint: 0);
    }

    public async Task DisposeAsync()
    {
        await Generated.DisposeAsync();
        await Demo.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The judged queries and the seed identifier checks share one demo database and one generated index.</summary>
[CollectionDefinition(Name)]
public sealed class RelevanceCorpora : ICollectionFixture<RelevanceFixture>
{
    public const string Name = "relevance";
}
