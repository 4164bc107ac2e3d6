using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Disclosure.Core.Time;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// A 双公示 record withdrawn on node A is gone from node B's pages and API within the poll bound, and B answers an old
/// ETag with the new list, not 304: the withdrawal is outside the content change log, and the public revision carries
/// it. Two nodes on one database, each with its own page cache: one SQLite file, or one PostgreSQL database.
/// </summary>
public abstract class PublicRevisionTwoNodeTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    protected DisclosureSite A { get; set; } = null!;

    protected DisclosureSite B { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    protected static Dictionary<string, string> NodeSettings(string indexFolder) => new()
    {
        ["Search:IndexFolder"] = indexFolder,
        ["Site:Cache:PollMilliseconds"] = "200",
    };

    [Fact]
    public async Task A_record_withdrawn_on_one_node_is_gone_from_the_others_pages_and_api()
    {
        var (id, number) = await PublicLicenceAsync();
        var list = $"/api/v1/credit/licences?q={Uri.EscapeDataString(number)}&by=number&match=exact";
        var page = $"/credit/licences?q={Uri.EscapeDataString(number)}&by=number&match=exact";
        var b = B.CreateClient(new() { AllowAutoRedirect = false });

        // Node B serves the record and caches its pages: a revalidation is a 304.
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/credit/licences/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/v1/credit/licences/{id}")).StatusCode);
        var listed = await b.GetAsync(list);
        Assert.Equal(1, Total(await listed.Content.ReadAsStringAsync()));
        var listTag = listed.Headers.ETag!;
        var searched = await b.GetAsync(page);
        Assert.Contains($"/credit/licences/{id}\"", await searched.Content.ReadAsStringAsync());
        var pageTag = searched.Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(b, list, listTag)).StatusCode);

        using (var scope = A.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditRecordStore>().WithdrawAsync(
                CreditRecordKind.Licence, id, "许可决定已被撤销。", ChinaTime.ToDate(DateTime.UtcNow), "office");
        }

        // In its place, the 撤回 notice with its reason (410): the record itself is gone.
        await EventuallyAsync(async () => (await b.GetAsync($"/credit/licences/{id}")).StatusCode == HttpStatusCode.Gone);
        Assert.Contains("撤回说明：许可决定已被撤销。", WebUtility.HtmlDecode(await (await b.GetAsync($"/credit/licences/{id}")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/credit/licences/{id}")).StatusCode);

        var revalidated = await GetAsync(b, list, listTag);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Equal(0, Total(await revalidated.Content.ReadAsStringAsync()));
        var pageAgain = await GetAsync(b, page, pageTag);
        Assert.Equal(HttpStatusCode.OK, pageAgain.StatusCode);
        Assert.DoesNotContain($"/credit/licences/{id}\"", await pageAgain.Content.ReadAsStringAsync());
    }

    private async Task<(long Id, string Number)> PublicLicenceAsync()
    {
        using var scope = A.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var today = ChinaTime.ToDate(DateTime.UtcNow);
        var record = await db.Set<CreditLicenceRecord>()
            .Where(r => r.Status == CreditRecordStatus.Published && !r.PartyIsMinor && !r.InvolvesSecrets && r.DecisionDate <= today)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.DecisionNumber }).FirstAsync();
        return (record.Id, record.DecisionNumber);
    }

    private static int Total(string json) => JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32();

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition) => Eventually.HoldsAsync(condition, Within);
}

/// <summary>Two nodes on one SQLite file (each with its own search index).</summary>
public sealed class PublicRevisionTwoNodeSqliteTests : PublicRevisionTwoNodeTests
{
    private string _folder = null!;

    public override async Task InitializeAsync()
    {
        (_folder, _) = await DisclosureSite.DemoCopyAsync(); // the database as node A's first start would have set it up
        A = new DisclosureSite(_folder, NodeSettings("search-a"));
        _ = A.Server;
        B = new DisclosureSite(_folder, NodeSettings("search-b"));
        _ = B.Server;
    }

    public override async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Two nodes on one PostgreSQL database.</summary>
public sealed class PublicRevisionTwoNodePostgresTests : PublicRevisionTwoNodeTests
{
    private TestDatabase _database = null!;
    private string _folderA = null!;

    public override async Task InitializeAsync()
    {
        // The database and node A's data folder (its 台账 keys) as A's first start would have set them up.
        (_folderA, var database) = await DisclosureSite.DemoCopyAsync(DatabaseProvider.PostgreSQL);
        _database = database!;
        A = new DisclosureSite(_folderA, Postgres(NodeSettings("search")));
        _ = A.Server;
        B = new DisclosureSite(null, Postgres(NodeSettings("search")));
        _ = B.Server;
    }

    public override async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folderA, recursive: true);
    }

    private Dictionary<string, string> Postgres(Dictionary<string, string> settings)
    {
        settings["Storage:Provider"] = "PostgreSQL";
        settings["Storage:ConnectionString"] = _database.Options.ConnectionString!;
        return settings;
    }
}
