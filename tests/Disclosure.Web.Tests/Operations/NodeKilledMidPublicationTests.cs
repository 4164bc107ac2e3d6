using System.Text.Json;
using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// 定时发布 on two nodes over one PostgreSQL database, sharing the 台账 keys: a node run as its own process publishes a
/// scheduled batch, and is killed (the process, not a disposal) in the middle of the next one, inside a publication
/// whose rows are written but not committed. The surviving node then publishes the batch: nothing is left
/// half-written, nothing is published twice, and the 台账 verifies clean.
/// </summary>
public sealed class NodeKilledMidPublicationTests : IAsyncLifetime
{
    /// <summary>How the killed node's connections are told apart in <c>pg_stat_activity</c>.</summary>
    private const string KilledNodeName = "disclosure-killed-node";

    private readonly string _keysFolder = DisclosureSite.NewDataFolder();
    private readonly string _killedNodeFolder = DisclosureSite.NewDataFolder();
    private TestDatabase _database = null!;
    private DisclosureSite _survivor = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false);
        _survivor = new DisclosureSite(null, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = _database.Options.ConnectionString!,
            ["Ledger:KeysFolder"] = _keysFolder,
            ["Search:PollIntervalMilliseconds"] = "200",
            // Its scheduler looks once at start-up (nothing is due then) and not again during the test: the test
            // runs the survivor's next pass itself, at the moment the other node is dead.
            ["Scheduler:IntervalSeconds"] = "3600",
        });
        _ = _survivor.Server; // sets the database up
    }

    [Fact]
    public async Task A_node_killed_mid_publication_leaves_nothing_half_written_and_the_survivor_publishes_each_item_once()
    {
        // Both batches are approved and scheduled (an hour ahead) by the survivor; the 台账 keys now exist.
        var first = await ScheduleBatchAsync("第一批", 3);
        var second = await ScheduleBatchAsync("第二批", 5);

        await using var node = await NodeProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(_database.Options.ConnectionString) { ApplicationName = KilledNodeName }.ConnectionString,
            ["Storage:DataFolder"] = _killedNodeFolder,
            ["Ledger:KeysFolder"] = _keysFolder,
            ["Setup:RecipesFolder"] = RepositoryPaths.Recipes,
            ["Setup:AdminPassword"] = "Test-Admin-2026!",
            ["RateLimiting:PermitsPerMinute"] = "0",
            ["Scheduler:IntervalSeconds"] = "1",
        });

        // The first batch falls due: the node's scheduler publishes all of it.
        await MakeDueAsync(first);
        await EventuallyAsync(async () => await CountPublishedAsync(first) == first.Count, node);

        // The second batch falls due while the 台账 counter is held here: the node's first publication of it writes its
        // rows (version, 索引号, change log) and then waits for the 台账 inside its open transaction. It is killed there.
        await using (var hold = new NpgsqlConnection(_database.Options.ConnectionString))
        {
            await hold.OpenAsync();
            await using var transaction = await hold.BeginTransactionAsync();
            await using (var lockLedger = new NpgsqlCommand("""SELECT "Value" FROM "Counters" WHERE "Name" = 'ledger' FOR UPDATE""", hold, transaction))
            {
                Assert.NotNull(await lockLedger.ExecuteScalarAsync());
            }

            await MakeDueAsync(second);
            await EventuallyAsync(() => KilledNodeWaitsForALockAsync(), node);
            await node.KillAsync();
            Assert.True(node.HasExited);
            await transaction.RollbackAsync();
        }

        // The server rolls the dead node's transaction back once it notices the connection is gone.
        await EventuallyAsync(async () => await KilledNodeConnectionsAsync() == 0, node);
        Assert.Equal(0, await CountPublishedAsync(second));
        await InScopeAsync(async db =>
        {
            Assert.All(await db.ContentVersions.Where(v => second.Contains(v.Item.ContentItemId)).Select(v => v.Status).ToListAsync(), s => Assert.Equal(ContentStatus.Scheduled, s));
            Assert.All(await db.ContentItems.Where(i => second.Contains(i.ContentItemId)).Select(i => i.IndexNumber).ToListAsync(), Assert.Null);
            Assert.False(await db.ChangeLog.AnyAsync(e => second.Contains(e.ContentItemId)));
            Assert.False(await db.Ledger.AnyAsync(e => second.Contains(e.ContentItemId!) && e.Action == LedgerActions.Publish));
        });

        // The survivor's next scheduler pass publishes what the dead node did not.
        Assert.Equal(second.Count, await InScopeAsync(sp => sp.GetRequiredService<WorkflowService>().PublishDueAsync()));

        var all = first.Concat(second).ToList();
        await InScopeAsync(async db =>
        {
            foreach (var id in all)
            {
                Assert.Equal(1, await db.ContentVersions.CountAsync(v => v.Item.ContentItemId == id && v.Status == ContentStatus.Published));
                Assert.Equal(1, await db.ChangeLog.CountAsync(e => e.ContentItemId == id && e.Kind == ChangeKind.Published));
                Assert.Equal(1, await db.Ledger.CountAsync(e => e.ContentItemId == id && e.Action == LedgerActions.Publish));
            }

            var indexNumbers = await db.ContentItems.Where(i => all.Contains(i.ContentItemId)).Select(i => i.IndexNumber).ToListAsync();
            Assert.All(indexNumbers, Assert.NotNull);
            Assert.Equal(all.Count, indexNumbers.Distinct().Count());

            // The change-log numbers the dead transaction had taken were given back: no gap, no repeat.
            var sequences = await db.ChangeLog.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(0, sequences.Count).Select(n => sequences[0] + n), sequences);
        });

        // Rows from both nodes, MACed with the shared key: the whole 台账 verifies.
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));

        // The survivor's search holds each of them exactly once.
        var client = _survivor.CreateClient();
        await EventuallyAsync(async () => (await SearchAsync(client, "节点断电测试")).Count == all.Count, node);
        Assert.Equal(all.Order(), (await SearchAsync(client, "节点断电测试")).Order());
    }

    public async Task DisposeAsync()
    {
        await _survivor.DisposeAsync();
        await _database.DisposeAsync();
        foreach (var folder in new[] { _keysFolder, _killedNodeFolder })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Drafts, reviews and schedules <paramref name="count"/> notices an hour ahead, as the office would.</summary>
    private async Task<List<string>> ScheduleBatchAsync(string batch, int count)
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"killed-node-{Guid.NewGuid():n}"[..24];
            await InScopeAsync(async sp =>
            {
                await sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice($"节点断电测试{batch}第{i}号公告"), "editor", "zhzx", id);
                var workflow = sp.GetRequiredService<WorkflowService>();
                var review = await workflow.SubmitAsync(id, Actor("editor", RoleNames.Editor, "zhzx"));
                await workflow.ApproveAsync(review.Id, Actor("head", RoleNames.DepartmentReviewer, "zhzx"), null);
                await workflow.ApproveAsync(review.Id, Actor("secrecy", RoleNames.SecrecyOfficer), null);
                await workflow.ApproveAsync(review.Id, Actor("leader", RoleNames.Leader), null);
                await workflow.ScheduleAsync(id, DateTimeOffset.UtcNow.AddHours(1), Actor("office", RoleNames.InformationOffice));
                return true;
            });
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The publication time of these scheduled versions comes now (the schedule is only a column).</summary>
    private Task<int> MakeDueAsync(IReadOnlyCollection<string> ids) =>
        InScopeAsync(db => db.ContentVersions
            .Where(v => ids.Contains(v.Item.ContentItemId) && v.Status == ContentStatus.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ScheduledUtc, DateTime.UtcNow.AddMinutes(-1))));

    private Task<int> CountPublishedAsync(IReadOnlyCollection<string> ids) =>
        InScopeAsync(db => db.ContentVersions.CountAsync(v => ids.Contains(v.Item.ContentItemId) && v.Status == ContentStatus.Published));

    /// <summary>
    /// A connection of the node to be killed waits for a lock. The only lock anyone holds is the 台账 counter, which a
    /// publication takes last, after writing its version, 索引号 and change-log rows in the same transaction.
    /// </summary>
    private static async Task<bool> KilledNodeWaitsForALockAsync() =>
        await ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND wait_event_type = 'Lock'") > 0;

    private static Task<long> KilledNodeConnectionsAsync() =>
        ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name");

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", KilledNodeName);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _survivor.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<DisclosureDbContext>()));

    private Task<bool> InScopeAsync(Func<DisclosureDbContext, Task> action) =>
        InScopeAsync(async sp =>
        {
            await action(sp.GetRequiredService<DisclosureDbContext>());
            return true;
        });

    private static Actor Actor(string name, string role, string? department = null) => new(name, new HashSet<string> { role }, department);

    private static async Task<List<string>> SearchAsync(HttpClient client, string query)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=100"));
        return document.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>Polls until the condition holds; on failure the message carries the node's console output.</summary>
    private static Task EventuallyAsync(Func<Task<bool>> condition, NodeProcess node) =>
        Eventually.HoldsAsync(condition, TimeSpan.FromMinutes(2), () => $"节点输出：\n{node.Output}", TimeSpan.FromMilliseconds(100));
}
