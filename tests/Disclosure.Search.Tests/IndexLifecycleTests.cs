using System.Diagnostics;
using Disclosure.Search.Following;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Tests.Infrastructure;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Directory = System.IO.Directory;

namespace Disclosure.Search.Tests;

/// <summary>
/// The index following the change log on a real database: publication, update and withdrawal, the checkpoint
/// committed with the documents, a crash before commit, two nodes, the background follower, and rebuilds.
/// </summary>
public sealed class IndexLifecycleTests
{
    private const string Title = "关于开展冬季消防安全隐患排查整治专项行动的通告";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Publish_update_and_withdraw_each_show_after_the_indexer_reads_the_feed(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        await using var search = SearchHarness.Create(database);
        await search.Indexer.CatchUpAsync();
        Assert.Equal(0, search.Find("消防").Total);

        await PublishAsync(database, "fire-notice", Title);
        Assert.Equal(0, search.Find("消防").Total); // not until the indexer has read the feed
        Assert.Equal(1, await search.Indexer.CatchUpAsync());
        Assert.Equal("fire-notice", Assert.Single(search.Find("消防").Hits).Id);

        await database.InScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<ContentManager>();
            await manager.SaveDraftAsync("fire-notice", SampleContent.Notice("关于开展冬季燃气安全隐患排查整治专项行动的通告", body: "燃气用户应当……"), "editor");
            await manager.PublishAsync("fire-notice", null, "office", SampleContent.PublishedAt.AddDays(1));
        });
        await search.Indexer.CatchUpAsync();
        Assert.Equal(0, search.Find("消防").Total);
        Assert.Equal("fire-notice", Assert.Single(search.Find("燃气").Hits).Id);
        Assert.Equal(1, search.Index.DocumentCount);

        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync("fire-notice", "通告内容有误", "office"));
        await search.Indexer.CatchUpAsync();
        Assert.Equal(0, search.Find("燃气").Total);
        Assert.Equal(0, search.Index.DocumentCount);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_checkpoint_is_in_the_Lucene_commit_with_the_documents(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        await using var search = SearchHarness.Create(database, o => o.CommitIntervalMilliseconds = 600_000);
        await PublishAsync(database, "fire-notice", Title);
        await PublishAsync(database, "second-notice", "关于调整户籍窗口办公时间的通告");
        await search.Indexer.CatchUpAsync();

        // Searchable at once (near real time), before any commit has made it durable.
        var head = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ChangeLog.MaxAsync(e => e.Sequence));
        Assert.Equal(head, search.Index.Checkpoint);
        Assert.Equal(0, search.Index.DurableCheckpoint);
        Assert.Equal(1, search.Find("消防").Total);

        await search.Indexer.CommitAsync();
        Assert.Equal(head, search.Index.DurableCheckpoint);
        using var directory = FSDirectory.Open(Path.Combine(search.IndexFolder, "index-" + search.Index.Generation));
        var commit = DirectoryReader.ListCommits(directory).OrderBy(c => c.Generation).Last();
        Assert.Equal(head.ToString(System.Globalization.CultureInfo.InvariantCulture), commit.UserData["disclosure.checkpoint"]);
        using var reader = DirectoryReader.Open(commit);
        Assert.Equal(2, reader.NumDocs); // the documents that commit holds are the ones the checkpoint covers
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_crash_after_indexing_but_before_the_commit_loses_nothing(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        var folder = SearchHarness.NewIndexFolder();
        try
        {
            long checkpointBefore;
            await using (var node = SearchHarness.Reopen(database, folder, o => o.CommitIntervalMilliseconds = 600_000))
            {
                await PublishAsync(database, "before-crash", "关于户籍窗口延时服务的通告");
                await node.Indexer.CatchUpAsync();
                await node.Indexer.CommitAsync();
                checkpointBefore = node.Index.DurableCheckpoint;

                // Published, indexed and already found by searches, but the process dies before the commit.
                await PublishAsync(database, "fire-notice", Title);
                Assert.Equal(1, await node.Indexer.CatchUpAsync());
                Assert.Equal(1, node.Find("消防").Total);
                Assert.True(node.Index.AcquireCurrent() is var generation && generation.HasUncommittedChanges);
                generation.Release();
                Assert.Equal(checkpointBefore, node.Index.DurableCheckpoint);
                node.Index.SimulateCrash();
            }

            await using (var restarted = SearchHarness.Reopen(database, folder))
            {
                // The index comes back at its last commit: the checkpoint it stored, without the lost document.
                Assert.Equal(checkpointBefore, restarted.Index.Checkpoint);
                Assert.Equal(0, restarted.Find("消防").Total);
                Assert.Equal(1, restarted.Find("延时").Total);

                Assert.Equal(1, await restarted.Indexer.CatchUpAsync());
                Assert.Equal("fire-notice", Assert.Single(restarted.Find("消防").Hits).Id);
                Assert.Equal(2, restarted.Index.DocumentCount);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_nodes_sharing_the_database_each_catch_up_by_themselves(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        await using var first = SearchHarness.Create(database);
        await using var second = SearchHarness.Create(database);

        await PublishAsync(database, "fire-notice", Title);
        await first.Indexer.CatchUpAsync();
        Assert.Equal(1, first.Find("消防").Total);
        Assert.Equal(0, second.Find("消防").Total);
        await second.Indexer.CatchUpAsync();
        Assert.Equal(1, second.Find("消防").Total);

        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync("fire-notice", "通告内容有误", "office"));
        await Task.WhenAll(first.Indexer.CatchUpAsync(), second.Indexer.CatchUpAsync());
        Assert.Equal(0, first.Find("消防").Total);
        Assert.Equal(0, second.Find("消防").Total);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_background_follower_is_nudged_by_the_commit_so_a_withdrawal_leaves_at_once(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        // A poll interval far longer than the test: only the commit's nudge can make the changes show in time.
        await using var search = SearchHarness.Create(database, o => { o.FollowChanges = true; o.PollIntervalMilliseconds = 600_000; });
        await using var follower = await search.StartFollowerAsync();
        await WaitUntilAsync(() => search.Index.Checkpoint == 0 && search.Index.DocumentCount == 0);

        await database.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(Title), "editor", contentItemId: "fire-notice");
        });
        // The harness's own scopes carry the nudging interceptor, as the web host's requests do.
        await using (var scope = search.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync("fire-notice", null, "office", SampleContent.PublishedAt);
        }

        await WaitUntilAsync(() => search.Find("消防").Total == 1);

        var clock = Stopwatch.StartNew();
        await using (var scope = search.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().WithdrawAsync("fire-notice", "通告内容有误", "office");
        }

        await WaitUntilAsync(() => search.Find("消防").Total == 0);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the withdrawal took {clock.Elapsed} to leave the results");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_follower_commits_on_its_schedule_and_when_the_site_stops(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        var folder = SearchHarness.NewIndexFolder();
        try
        {
            // Due at once: the catch-up that shows a change also commits it.
            await using (var eager = SearchHarness.Reopen(database, folder, o => o.CommitIntervalMilliseconds = 0))
            {
                await PublishAsync(database, "before-stop", "关于户籍窗口延时服务的通告");
                await eager.Indexer.CatchUpAsync();
                Assert.Equal(eager.Index.Checkpoint, eager.Index.DurableCheckpoint);
                Assert.True(eager.Index.DurableCheckpoint > 0);
            }

            // Not due for ten minutes: the follower shows the change, and commits it only as the site stops.
            long shown;
            await using (var node = SearchHarness.Reopen(database, folder, o => { o.FollowChanges = true; o.CommitIntervalMilliseconds = 600_000; }))
            {
                var durable = node.Index.DurableCheckpoint;
                await using (await node.StartFollowerAsync())
                {
                    await using (var scope = node.Services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(Title), "editor", contentItemId: "fire-notice");
                        await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync("fire-notice", null, "office", SampleContent.PublishedAt);
                    }

                    await WaitUntilAsync(() => node.Find("消防").Total == 1);
                    shown = node.Index.Checkpoint;
                    Assert.Equal(durable, node.Index.DurableCheckpoint);
                }

                Assert.Equal(shown, node.Index.DurableCheckpoint);
            }

            await using var restarted = SearchHarness.Reopen(database, folder);
            Assert.Equal(shown, restarted.Index.DurableCheckpoint);
            Assert.Equal(1, restarted.Find("消防").Total);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_rebuild_builds_a_new_generation_while_the_old_one_keeps_answering(DatabaseProvider engine)
    {
        await using var database = await SearchHarness.DemoDatabaseAsync(engine);
        await using var search = SearchHarness.Create(database, o => o.BatchSize = 20);
        await search.Indexer.CatchUpAsync();
        var before = search.FindAll("公安").Select(h => h.Id).Order().ToList();
        var oldGeneration = search.Index.Generation;
        var oldFolder = Path.Combine(search.IndexFolder, "index-" + oldGeneration);
        Assert.True(before.Count > 100);

        // Searches during the rebuild: one after every batch the new generation commits, and a loop alongside.
        var duringRebuild = new List<(int Generation, int Total)>();
        var progress = new SynchronousProgress<SearchRebuildProgress>(p =>
        {
            using var lease = search.Index.AcquireSearcher();
            duringRebuild.Add((lease.Generation, search.Find("公安").Total));
        });
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var searches = 0;
        var loop = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = search.Find("户籍 OR 公安");
                Interlocked.Increment(ref searches);
                if (!response.IsValid || response.Total == 0)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        var result = await search.Indexer.RebuildAsync(progress);
        await stop.CancelAsync();
        await loop;

        Assert.True(duringRebuild.Count >= 5, $"the rebuild should take several batches, took {duringRebuild.Count}");
        Assert.All(duringRebuild, d => Assert.Equal((oldGeneration, before.Count), d));
        Assert.Equal(0, failures);
        Assert.True(searches > 0);

        Assert.Equal(oldGeneration + 1, result.Generation);
        Assert.Equal(search.Index.Generation, result.Generation);
        Assert.Equal(DemoFile.Public.Count, result.Documents);
        Assert.Equal(before, search.FindAll("公安").Select(h => h.Id).Order());
        Assert.False(Directory.Exists(oldFolder), "the old generation is deleted once no search holds it");
        Assert.Equal("index-" + result.Generation, File.ReadAllText(Path.Combine(search.IndexFolder, "CURRENT")));

        // The new generation follows the feed from where the rebuild left it.
        await PublishAsync(database, "after-rebuild", Title);
        await search.Indexer.CatchUpAsync();
        Assert.Equal(1, search.Find("消防安全隐患").Total);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_rebuild_by_another_process_is_picked_up_by_the_running_node(DatabaseProvider engine)
    {
        await using var database = await SetUpAsync(engine);
        await PublishAsync(database, "fire-notice", Title);
        await using var site = SearchHarness.Create(database);
        await site.Indexer.CatchUpAsync();
        var oldGeneration = site.Index.Generation;

        // The rebuild-search-index command: another SearchIndex on the same folder, while the site holds the live generation.
        await using (var command = SearchHarness.Reopen(database, site.IndexFolder))
        {
            var result = await command.Indexer.RebuildAsync();
            Assert.Equal(oldGeneration + 1, result.Generation);
            Assert.Equal(1, result.Documents);
            Assert.Equal(1, site.Find("消防").Total); // the site still answers from its generation
        }

        await site.Indexer.CatchUpAsync(); // the follower's next pass notices CURRENT moved
        Assert.Equal(oldGeneration + 1, site.Index.Generation);
        Assert.Equal(1, site.Find("消防").Total);
        Assert.False(Directory.Exists(Path.Combine(site.IndexFolder, "index-" + oldGeneration)));
    }

    private static async Task<TestDatabase> SetUpAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task PublishAsync(TestDatabase database, string id, string title) =>
        database.InScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<ContentManager>();
            await manager.CreateAsync("Disclosure", SampleContent.Notice(title), "editor", contentItemId: id);
            await manager.PublishAsync(id, null, "office", SampleContent.PublishedAt);
        });

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.HoldsAsync(condition, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(25));

    /// <summary>Runs the callback on the reporting thread, inside the rebuild (Progress&lt;T&gt; would post it elsewhere).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
