using System.Net;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// <c>/health/ready</c> tells a load balancer the truth about the database: once it is gone, or there but unreadable,
/// the node answers 503 with a zh-CN reason while <c>/health/live</c> stays 200 (the process is fine; restarting it
/// would not bring the database back). Each test breaks the database of a running site on a real engine.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_turns_503_when_the_sqlite_file_is_gone()
    {
        await using var site = await DisclosureSite.DemoAsync();
        var client = site.CreateClient();
        Assert.Equal("ready", await client.GetStringAsync("/health/ready"));

        // A directory where the file was: nothing can open it, and nothing (a background poll) can recreate it.
        var file = DatabaseFile(site);
        DeleteDatabaseFiles(file);
        Directory.CreateDirectory(file);
        SqliteConnection.ClearAllPools();

        await AssertNotReadyAsync(client, "未就绪：数据库尚未完成初始化。");
    }

    [Fact]
    public async Task Ready_turns_503_when_the_sqlite_file_cannot_be_read()
    {
        await using var site = await DisclosureSite.DemoAsync();
        var client = site.CreateClient();
        Assert.Equal("ready", await client.GetStringAsync("/health/ready"));

        // The file is there (the connection opens) but is no database any more: the query itself fails.
        var file = DatabaseFile(site);
        DeleteDatabaseFiles(file);
        await File.WriteAllTextAsync(file, new string('x', 4096));
        SqliteConnection.ClearAllPools();

        await AssertNotReadyAsync(client, "未就绪：无法连接数据库。");
    }

    [Fact]
    public async Task Ready_turns_503_when_the_postgresql_database_is_dropped()
    {
        await using var site = await DisclosureSite.DemoAsync(DatabaseProvider.PostgreSQL);
        var client = site.CreateClient();
        Assert.Equal("ready", await client.GetStringAsync("/health/ready"));

        var name = new NpgsqlConnectionStringBuilder(site.Postgres!.Options.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(TestDatabase.PostgresServer()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        // The site's pooled connections were closed by the server; a pool would only hand them out to fail. The agency
        // host map is read again after any change (as when the version moved just before the outage): the readiness
        // answer must not depend on it.
        NpgsqlConnection.ClearAllPools();
        site.Services.GetRequiredService<AgencyHostMap>().Invalidate();
        await AssertNotReadyAsync(client, "未就绪：数据库尚未完成初始化。");
    }

    private static async Task AssertNotReadyAsync(HttpClient client, string reason)
    {
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(reason, await ready.Content.ReadAsStringAsync());
        Assert.Equal("ok", await client.GetStringAsync("/health/live"));
    }

    private static string DatabaseFile(DisclosureSite site) => Path.Combine(site.DataFolder, "disclosure.db");

    private static void DeleteDatabaseFiles(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}
