using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.ApiClients;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Web.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// A data platform reads the year's 依申请公开 figures with <c>requests:read-stats</c>: tables 三 and 四 of its agency
/// (or its subtree), counted from the applications themselves, with no applicant in them; another agency's figures
/// are not there.
/// </summary>
[Collection(RequestSiteGroup.Name)]
public sealed class RequestStatisticsApiTests(RequestSiteFixture fixture)
{
    private const string Yongning = "640121-103";

    [Fact]
    public async Task Table_three_counts_the_agencys_own_applications_of_the_year()
    {
        var client = await RegisteredClient.RegisterAsync(fixture.Site.Services, "数据平台", null, ApiScopes.ReadRequestStatistics);
        using var http = RegisteredClient.Bearer(fixture.Site, await client.TokenAsync(fixture.Site.CreateClient()));

        using var response = await http.GetAsync("/api/v1/requests/statistics?year=2025");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(Yongning, body.GetProperty("agencyCode").GetString());
        Assert.Equal("永宁县公安局", body.GetProperty("agencyName").GetString());

        // The expected figures straight from the rows, by the rules of the table (received in the year, carried over, closed in it).
        var requests = await RequestsOfAsync(Yongning);
        Assert.NotEmpty(requests);
        var rows = body.GetProperty("applications").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(25, rows.Count);
        Assert.Equal(requests.Count(r => r.ReceivedOn.Year == 2025), Row(rows, "newApplications").GetProperty("total").GetInt32());
        Assert.Equal(requests.Count(r => r.ReceivedOn.Year < 2025 && !(r.ClosedOn?.Year < 2025)), Row(rows, "carriedOver").GetProperty("total").GetInt32());
        Assert.Equal(requests.Count(r => r.ReceivedOn.Year <= 2025 && r.ClosedOn?.Year == 2025), Row(rows, "resultsTotal").GetProperty("total").GetInt32());
        Assert.Equal(requests.Count(r => r.ReceivedOn.Year <= 2025 && !(r.ClosedOn?.Year <= 2025)), Row(rows, "carriedForward").GetProperty("total").GetInt32());
        var disclosed = rows.Single(r => r.GetProperty("outcome").GetString() == "disclosed");
        Assert.Equal("（一）予以公开", disclosed.GetProperty("label").GetString());
        Assert.Equal(
            requests.Count(r => r.ClosedOn?.Year == 2025 && r.Outcome == RequestOutcome.Disclosed && r.Kind == ApplicantKind.NaturalPerson),
            disclosed.GetProperty("naturalPerson").GetInt32());
        Assert.True(Row(rows, "resultsTotal").GetProperty("total").GetInt32() > 0, "the demo closes applications in 2025");
        Assert.Empty(body.GetProperty("applications").GetProperty("consistency").EnumerateArray());
        Assert.True(body.GetProperty("appeals").TryGetProperty("reconsideration", out _));

        // Counts only: nothing any applicant wrote on the form.
        foreach (var personal in RequestTestSupport.DemoPersonalData())
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_reads_its_subordinate_agencies_but_never_another_agency()
    {
        // 鄂尔多斯市公安局 has no applications of its own; 伊金霍洛旗公安局 below it has the demo's three, 东胜区分局 none.
        var ordos = await RegisteredClient.RegisterInAsync(fixture.Site.Services, "150600-103", "市局数据平台", null, ApiScopes.ReadRequestStatistics);
        using var http = RegisteredClient.Bearer(fixture.Site, await ordos.TokenAsync(fixture.Site.CreateClient()));
        var received = (await RequestsOfAsync("150627-103")).Count(r => r.ReceivedOn.Year == 2025);
        Assert.True(received > 0);

        Assert.Equal(0, await ReceivedAsync(http, "/api/v1/requests/statistics?year=2025"));
        Assert.Equal(received, await ReceivedAsync(http, "/api/v1/requests/statistics?year=2025&subordinates=true"));
        Assert.Equal(received, await ReceivedAsync(http, "/api/v1/requests/statistics?year=2025&agency=150627-103"));

        Assert.Equal(0, await ReceivedAsync(http, "/api/v1/requests/statistics?year=2025&agency=150602-103"));

        // Above it or elsewhere: not found, whatever the agency holds.
        foreach (var other in new[] { "150000-103", Yongning, "000000-000" })
        {
            using var refused = await http.GetAsync($"/api/v1/requests/statistics?year=2025&agency={other}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Statistics_need_the_scope_and_a_real_year()
    {
        var drafter = await RegisteredClient.RegisterAsync(fixture.Site.Services, "办公自动化系统（统计）", null, ApiScopes.WriteContent, ApiScopes.ReadDrafts);
        using (var http = RegisteredClient.Bearer(fixture.Site, await drafter.TokenAsync(fixture.Site.CreateClient())))
        {
            using var forbidden = await http.GetAsync("/api/v1/requests/statistics");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Contains(ApiScopes.ReadRequestStatistics, await forbidden.Content.ReadAsStringAsync());
        }

        using (var anonymous = await fixture.Site.CreateClient().GetAsync("/api/v1/requests/statistics"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var platform = await RegisteredClient.RegisterAsync(fixture.Site.Services, "数据平台（年份）", null, ApiScopes.ReadRequestStatistics);
        using var client = RegisteredClient.Bearer(fixture.Site, await platform.TokenAsync(fixture.Site.CreateClient()));
        foreach (var year in new[] { "1999", "2027" })
        {
            using var invalid = await client.GetAsync($"/api/v1/requests/statistics?year={year}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
            Assert.Contains("年份应在 2000 至 2026 之间", await invalid.Content.ReadAsStringAsync());
        }

        // This year's figures by default (the site's clock is at 2026-11-23).
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/requests/statistics");
        Assert.Equal(2026, body.GetProperty("year").GetInt32());
    }

    private static JsonElement Row(IEnumerable<JsonElement> rows, string name) => rows.Single(r => r.GetProperty("row").GetString() == name);

    private static async Task<int> ReceivedAsync(HttpClient http, string path)
    {
        var body = await http.GetFromJsonAsync<JsonElement>(path);
        return Row(body.GetProperty("applications").GetProperty("rows").EnumerateArray(), "newApplications").GetProperty("total").GetInt32();
    }

    private async Task<List<InformationRequestRecord>> RequestsOfAsync(string agency)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<InformationRequestRecord>().AsNoTracking()
            .Where(r => r.AgencyCode == agency).ToListAsync();
    }
}
