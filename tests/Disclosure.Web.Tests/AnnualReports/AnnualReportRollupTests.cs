using System.Net;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Core.Security;
using Disclosure.Core.Tables;
using Disclosure.Storage.Identity;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.AnnualReports;

/// <summary>
/// /admin/annual-reports/rollup and /completion on the demo site (集约化): the 公开办 of 鄂尔多斯市公安局 sees its
/// subtree summed and each agency's publication against 31 January; a 伊金霍洛旗 officer cannot look up the tree;
/// every role outside the annual report policy is refused.
/// </summary>
public sealed class AnnualReportRollupTests(AnnualReportSiteFixture fixture) : IClassFixture<AnnualReportSiteFixture>
{
    private const string City = "150600-103";
    private const string Banner = "150627-103";

    [Theory]
    [InlineData("editor")]
    [InlineData("head")]
    [InlineData("secrecy")]
    [InlineData("leader")]
    [InlineData("norole")]
    public async Task Only_the_office_and_administrators_may_open_the_rollup_and_completion(string user)
    {
        var client = await Staff.SignedInAsync(fixture.Site, user);
        foreach (var url in new[] { "/admin/annual-reports/rollup", "/admin/annual-reports/rollup?handler=Xlsx&year=2025", "/admin/annual-reports/completion?year=2025" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task The_city_office_sees_its_subtree_summed_with_each_agencys_share_and_an_xlsx()
    {
        var client = await AgencyOfficeAsync("city-office", City);
        var page = await client.GetStringAsync($"/admin/annual-reports/rollup?year=2025");

        // The same figures the service sums, drawn by the report's own table renderer.
        var expected = (await fixture.ScopeAsync(sp => sp.GetRequiredService<ReportRollup>().ComputeAsync(City, 2025)))!;
        Assert.Contains(AnnualReportHtml.RenderTables(ReportTables.Build(expected.Total)), page);
        Assert.Equal(3, expected.Agencies.Count);
        foreach (var agency in expected.Agencies)
        {
            Assert.Contains($"data-agency=\"{agency.Code}\"", page);
        }

        // 伊金霍洛旗's three applications of 2025 are the subtree's only ones; 永宁's are not in it.
        Assert.Equal(3, expected.Total.Applications.NewApplications.Counts.Total);
        Assert.Equal(expected.Agencies.Single(a => a.Code == Banner).Figures.Cells(), expected.Total.Cells().Where(c => c.Key != ManualCells.Enforcement).ToList());
        Assert.DoesNotContain("永宁县公安局", page.Split("id=\"rollup-breakdown\"")[1].Split("</table>")[0]);

        var xlsx = await client.GetAsync("/admin/annual-reports/rollup?handler=Xlsx&year=2025");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(TableFormats.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(expected.Total.Cells().Count + 1, rows);

        // Completion: nobody in the subtree has published 2025's report; on 23 November 2026 all are late.
        var completion = await client.GetStringAsync("/admin/annual-reports/completion?year=2025");
        Assert.Contains("2026年1月31日", completion);
        foreach (var agency in expected.Agencies)
        {
            Assert.Contains($"<tr data-agency=\"{agency.Code}\" data-state=\"NotStarted\" class=\"overdue\">", completion);
        }
    }

    [Fact]
    public async Task A_subordinate_cannot_look_up_the_tree_and_an_unknown_agency_is_not_found()
    {
        var banner = await AgencyOfficeAsync("banner-office", Banner);
        Assert.Equal(HttpStatusCode.NotFound, (await banner.GetAsync($"/admin/annual-reports/rollup?agency={City}&year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await banner.GetAsync($"/admin/annual-reports/completion?agency={City}&year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await banner.GetAsync($"/admin/annual-reports/rollup?agency={Banner}&year=2025")).StatusCode);

        var office = await Staff.SignedInAsync(fixture.Site, "office");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/admin/annual-reports/rollup?agency=no-such-agency")).StatusCode);
        var own = await office.GetStringAsync("/admin/annual-reports/completion?year=2025");
        Assert.Contains("data-agency=\"640121-103\"", own);
        Assert.DoesNotContain($"data-agency=\"{Banner}\"", own);
    }

    /// <summary>A 公开办 officer of another agency of the demo tree.</summary>
    private async Task<HttpClient> AgencyOfficeAsync(string userName, string agency)
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DisclosureUser>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new DisclosureUser { UserName = userName, DisplayName = userName, AgencyCode = agency };
                Assert.True((await users.CreateAsync(user, Staff.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, RoleNames.InformationOffice)).Succeeded);
            }
        }

        return await Staff.SignedInAsync(fixture.Site, userName);
    }
}
