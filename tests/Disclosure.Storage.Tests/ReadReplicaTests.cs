using Disclosure.Storage.Changes;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Replicas;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Disclosure.Storage.Tests;

/// <summary>
/// Public reads from a PostgreSQL hot standby (<see cref="StorageOptions.ReadReplicas"/>): only once it has replayed
/// what this node has seen, else from the primary, so a node always reads its own publications; an unreachable
/// standby only sends the reads to the primary.
/// </summary>
public sealed class ReadReplicaTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Public_reads_go_to_the_standby_only_once_it_has_replayed_what_this_node_has_seen()
    {
        await using var database = await TestDatabase.CreateReplicatedAsync();
        await database.ApplySetupAndDemoOfficeAsync();
        var selector = database.Services.GetRequiredService<ReadReplicaSelector>();
        var first = await PublishAsync(database);

        // Read your writes: the publication is found at once, wherever the read went.
        Assert.NotNull(await FindAsync(database, first));

        // Once the standby has replayed it, the standby answers.
        var standbyReads = selector.StandbyReads;
        await Eventually.HoldsAsync(async () => await FindAsync(database, first) is not null && selector.StandbyReads > standbyReads, Within);

        // A scope that lives on (the link check, a batch) has chosen the standby…
        await using var longLived = database.Services.CreateAsyncScope();
        var longLivedQuery = longLived.ServiceProvider.GetRequiredService<PublishedContentQuery>();
        standbyReads = selector.StandbyReads;
        Assert.NotNull(await longLivedQuery.FindPublicAsync(first));
        Assert.Equal(standbyReads + 1, selector.StandbyReads);

        // The standby stops replaying (a long query on it, a slow disk): what this node publishes now is still read,
        // from the primary, as long as the standby has not replayed it.
        await using var standby = new NpgsqlConnection(database.Options.ReadReplicas.Single());
        await standby.OpenAsync();
        await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        try
        {
            var second = await PublishAsync(database);

            // …and leaves it for the primary once this node has seen a change the standby has not replayed.
            Assert.NotNull(await longLivedQuery.FindPublicAsync(second));

            standbyReads = selector.StandbyReads;
            var primaryReads = selector.PrimaryReads;
            for (var i = 0; i < 5; i++)
            {
                Assert.NotNull(await FindAsync(database, second));
            }

            Assert.Equal(standbyReads, selector.StandbyReads);
            Assert.Equal(primaryReads + 5, selector.PrimaryReads);
            // …and the standby indeed does not have it: the primary answered.
            Assert.Equal(0L, await ScalarAsync(standby, $"SELECT count(*) FROM \"ContentItems\" WHERE \"ContentItemId\" = '{second}'"));
        }
        finally
        {
            await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        }

        standbyReads = selector.StandbyReads;
        await Eventually.HoldsAsync(async () => await FindAsync(database, first) is not null && selector.StandbyReads > standbyReads, Within);
    }

    [Fact]
    public async Task A_read_the_standby_fails_is_read_again_from_the_primary_which_takes_its_reads_until_it_answers_again()
    {
        await using var database = await TestDatabase.CreateReplicatedAsync();
        await database.ApplySetupAndDemoOfficeAsync();
        var selector = database.Services.GetRequiredService<ReadReplicaSelector>();
        var id = await PublishAsync(database);
        var standbyReads = selector.StandbyReads;
        await Eventually.HoldsAsync(async () => await FindAsync(database, id) is not null && selector.StandbyReads > standbyReads, Within);

        await using (var scope = database.Services.CreateAsyncScope())
        {
            var reads = scope.ServiceProvider.GetRequiredService<PublicReadDatabase>();
            var readOnStandby = new List<bool>();
            var found = await reads.ReadAsync(
                async db =>
                {
                    var onStandby = await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync();
                    readOnStandby.Add(onStandby);
                    if (onStandby)
                    {
                        // The standby goes away in the middle of the page's reads (a restart, a failover): its server
                        // ends the session.
                        await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pg_backend_pid())");
                    }

                    return await db.ContentItems.Where(i => i.ContentItemId == id).Select(i => i.ContentItemId).SingleAsync();
                },
                CancellationToken.None);
            Assert.Equal(id, found);
            Assert.Equal([true, false], readOnStandby);

            // The rest of the scope's reads go to the primary.
            Assert.False(await reads.ReadAsync(db => db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(), CancellationToken.None));
        }

        // So do the next scopes' until a check finds the standby answering again (not before two seconds).
        var primaryReads = selector.PrimaryReads;
        standbyReads = selector.StandbyReads;
        Assert.NotNull(await FindAsync(database, id));
        Assert.Equal(primaryReads + 1, selector.PrimaryReads);
        Assert.Equal(standbyReads, selector.StandbyReads);
        await Eventually.HoldsAsync(async () => await FindAsync(database, id) is not null && selector.StandbyReads > standbyReads, Within);
    }

    [Fact]
    public async Task An_unreachable_standby_sends_the_reads_to_the_primary()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.PostgreSQL);
        var options = new StorageOptions
        {
            Provider = DatabaseProvider.PostgreSQL,
            ConnectionString = database.Options.ConnectionString,
            DataFolder = database.Options.DataFolder,
            // Nothing listens on port 1.
            ReadReplicas = ["Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=2"],
        };
        await using var services = new ServiceCollection().AddLogging().AddDisclosureStorage(options)
            .AddDisclosureModules(Disclosure.Modules.InstalledModules.All).BuildServiceProvider();
        var selector = services.GetRequiredService<ReadReplicaSelector>();
        await using var scope = services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<PublishedContentQuery>().ListAsync(new PublishedContentFilter(), 1, 10);
        Assert.NotEmpty(page.Items);
        Assert.Equal(1, selector.PrimaryReads);
        Assert.Equal(0, selector.StandbyReads);
    }

    [Fact]
    public void A_standby_covers_a_position_only_when_both_the_change_log_and_the_public_revision_have_reached_it()
    {
        var seen = new ChangeLogHead.Position(10, 4, DateTime.UnixEpoch);
        Assert.True(new ChangeLogHead.Position(10, 4, DateTime.UnixEpoch).Covers(seen));
        Assert.True(new ChangeLogHead.Position(11, 5, DateTime.UnixEpoch).Covers(seen));
        Assert.False(new ChangeLogHead.Position(9, 4, DateTime.UnixEpoch).Covers(seen));
        Assert.False(new ChangeLogHead.Position(10, 3, DateTime.UnixEpoch).Covers(seen));
    }

    private static async Task<string> PublishAsync(TestDatabase database)
    {
        var id = await database.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor");
            return await sp.GetRequiredService<DisclosureDbContext>().ContentItems
                .OrderByDescending(i => i.Id).Select(i => i.ContentItemId).FirstAsync();
        });
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));
        return id;
    }

    private static Task<PublishedContent?> FindAsync(TestDatabase database, string id) =>
        database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().FindPublicAsync(id));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
