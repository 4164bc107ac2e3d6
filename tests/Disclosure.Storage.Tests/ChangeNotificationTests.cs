using Disclosure.Storage.Changes;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Disclosure.Storage.Tests;

/// <summary>
/// Other nodes hear of a public change the moment it commits (PostgreSQL NOTIFY in the change's own transaction,
/// a LISTEN on every node), never of one rolled back, and again after their listening connection is cut.
/// </summary>
public sealed class ChangeNotificationTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Another_node_hears_of_each_committed_change_and_again_after_its_connection_is_cut()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await database.ApplySetupAndDemoOfficeAsync();

        // This node's own listener, as its host would start it: it must skip what this node announced itself.
        var own = database.Services.GetServices<IHostedService>().OfType<ChangeListener>().Single();
        // Another node on the same database: a signal and a listener of its own.
        var otherSignal = new ChangeSignal();
        var otherPulses = 0;
        otherSignal.Changed += () => Interlocked.Increment(ref otherPulses);
        using var other = new ChangeListener(database.Options, new ChangeNotifier(database.Options), otherSignal, NullLogger<ChangeListener>.Instance);
        await own.StartAsync(CancellationToken.None);
        await other.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.HoldsAsync(() => own.Connections == 1 && other.Connections == 1, Within);
            // Connecting pulses once, for whatever was committed while nobody listened.
            Assert.Equal(1, otherPulses);

            // A draft writes no change-log row: nothing is announced.
            await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor"));
            var id = (await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.SingleAsync())).ContentItemId;

            await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));
            await Eventually.HoldsAsync(() => other.Received == 1, Within);
            Assert.Equal(2, otherPulses);

            // Withdrawn in a transaction that is rolled back: never announced. PostgreSQL delivers notifications in
            // commit order, so a probe that hears a marker sent after the rollback has heard everything before it.
            await using (var probe = await Probe.ListenAsync(database))
            {
                await database.RolledBackAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync(id, "测试回滚", "office"));
                Assert.Empty(await probe.HeardBeforeMarkerAsync());
            }

            // A public read model saved on its own (no transaction of the caller's): the revision bump is announced.
            await database.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<DisclosureDbContext>();
                var setting = await db.SiteSettings.OrderBy(s => s.Name).FirstAsync();
                setting.Value += "（修订）";
                return await db.SaveChangesAsync();
            });
            await Eventually.HoldsAsync(() => other.Received == 2, Within);

            // The listening connection is cut (a failover, a restart of the server, a dropped network): the
            // listener reconnects by itself and hears the next change.
            Assert.Equal(2, await TerminateListenersAsync(database));
            await Eventually.HoldsAsync(() => own.Connections == 2 && other.Connections == 2, Within);
            await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync(id, "内容已过时", "office"));
            await Eventually.HoldsAsync(() => other.Received == 3, Within);

            Assert.Equal(0, own.Received);
        }
        finally
        {
            await other.StopAsync(CancellationToken.None);
            await own.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task On_SQLite_there_is_no_other_node_to_tell()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.False(database.Services.GetRequiredService<ChangeNotifier>().Enabled);
        var listener = database.Services.GetServices<IHostedService>().OfType<ChangeListener>().Single();
        await listener.StartAsync(CancellationToken.None);
        await listener.StopAsync(CancellationToken.None);
        Assert.Equal(0, listener.Connections);
    }

    /// <summary>A connection of the test's own listening for changes and for a marker on a channel of its own.</summary>
    private sealed class Probe : IAsyncDisposable
    {
        private const string MarkerChannel = "disclosure_test_marker";
        private readonly NpgsqlConnection _connection;
        private readonly List<(string Channel, string Payload)> _heard = [];

        private Probe(NpgsqlConnection connection)
        {
            _connection = connection;
            _connection.Notification += (_, e) => _heard.Add((e.Channel, e.Payload));
        }

        public static async Task<Probe> ListenAsync(TestDatabase database)
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Options.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var listen = new NpgsqlCommand($"LISTEN {ChangeNotifier.Channel}; LISTEN {MarkerChannel}", connection);
            await listen.ExecuteNonQueryAsync();
            return new Probe(connection);
        }

        /// <summary>Sends a marker, reads until it arrives, and returns the change notifications heard before it.</summary>
        public async Task<List<string>> HeardBeforeMarkerAsync()
        {
            await using (var mark = new NpgsqlCommand($"NOTIFY {MarkerChannel}", _connection))
            {
                await mark.ExecuteNonQueryAsync();
            }

            using var timeout = new CancellationTokenSource(Within);
            while (!_heard.Any(h => h.Channel == MarkerChannel))
            {
                await _connection.WaitAsync(timeout.Token);
            }

            return _heard.TakeWhile(h => h.Channel != MarkerChannel).Select(h => h.Payload).ToList();
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }

    /// <summary>Ends every listening connection to the test's database on the server side.</summary>
    private static async Task<int> TerminateListenersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM (
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = @name) ended
            """, connection);
        command.Parameters.AddWithValue("name", ChangeListener.ApplicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
