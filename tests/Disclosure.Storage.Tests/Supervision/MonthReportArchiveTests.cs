using Disclosure.Channels.Notices;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Webhooks;
using Disclosure.Core.Security;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision;
using Disclosure.Supervision.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Storage.Tests.Supervision;

/// <summary>
/// The 督查督办月报 made on its day (the 25th unless set otherwise) and kept, once per agency and month whatever the
/// number of nodes, with its notice to the leaders through the app webhook when pushing is on.
/// </summary>
public sealed class MonthReportArchiveTests
{
    private const string Own = "640121-103";
    private const string Other = "150627-103";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_report_is_made_from_its_day_once_per_agency_and_read_only_by_that_agency(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-10-24");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        var agencies = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Agencies.Select(a => a.Code).ToListAsync());
        Assert.Contains(Own, agencies);

        // The 24th: not yet.
        Assert.Equal(0, await MakeDueAsync(database));
        Assert.Empty(await KeptAsync(database));

        // The 25th: one report per agency, with its files; a second pass the same day, or a later day, makes none again.
        clock.Set("2026-10-25");
        Assert.Equal(agencies.Count, await MakeDueAsync(database));
        clock.Set("2026-10-28");
        Assert.Equal(0, await MakeDueAsync(database));
        var kept = await KeptAsync(database);
        Assert.Equal(agencies.Order(StringComparer.Ordinal), kept.Select(r => r.AgencyCode).Order(StringComparer.Ordinal));
        var own = kept.Single(r => r.AgencyCode == Own);
        Assert.Equal(("2026-10", "永宁县公安局政务公开督查督办月报（2026年10月）", new DateOnly(2026, 10, 25), 0), (own.Month, own.Title, own.MadeOn, own.NoticesQueued));
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(own.Docx), false))
        {
            Assert.Contains(own.Title, docx.MainDocumentPart!.Document.Body!.InnerText);
        }

        Assert.NotEmpty(own.Xlsx);

        // The next month has its own report, on its own day.
        clock.Set("2026-11-25");
        Assert.Equal(agencies.Count, await MakeDueAsync(database));

        // An agency's staff list and open their own agency's reports only; the installation's staff every agency's.
        var staff = new Actor("office", new HashSet<string> { RoleNames.InformationOffice }) { AgencyCode = Own };
        var listed = await database.InScopeAsync(sp => sp.GetRequiredService<MonthReportArchive>().ListAsync(staff, null, default));
        Assert.Equal(["2026-11", "2026-10"], listed.Select(r => r.Month));
        Assert.All(listed, r => Assert.Equal(Own, r.AgencyCode));
        var elsewhere = kept.Single(r => r.AgencyCode == Other);
        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<MonthReportArchive>().FindAsync(staff, elsewhere.Id, default)));
        Assert.NotNull(await database.InScopeAsync(sp => sp.GetRequiredService<MonthReportArchive>().FindAsync(staff, own.Id, default)));
        var installation = new Actor("admin", new HashSet<string> { RoleNames.Administrator });
        var everyAgency = await database.InScopeAsync(sp => sp.GetRequiredService<MonthReportArchive>().ListAsync(installation, null, default));
        // Newest month first, agencies in code order within a month.
        Assert.Equal(
            agencies.Order(StringComparer.Ordinal).Select(a => ("2026-11", a)).Concat(agencies.Order(StringComparer.Ordinal).Select(a => ("2026-10", a))),
            everyAgency.Select(r => (r.Month, r.AgencyCode)));
        Assert.Equal(2, (await database.InScopeAsync(sp => sp.GetRequiredService<MonthReportArchive>().ListAsync(installation, Other, default))).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_nodes_making_the_months_reports_at_once_keep_one_per_agency(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-10-26");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();

        var made = await Task.WhenAll(MakeDueAsync(database), MakeDueAsync(database));

        var kept = await KeptAsync(database);
        Assert.Equal(kept.Count, made.Sum());
        Assert.Equal(kept.Count, kept.Select(r => r.AgencyCode).Distinct().Count());
        Assert.Equal(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Agencies.CountAsync()), kept.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_set_day_and_pushing_queue_one_notice_per_app_endpoint_that_says_what_the_report_says(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-10-09");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        var options = database.Services.GetRequiredService<IOptions<SupervisionOptions>>().Value;
        options.MonthReportDay = 10;
        options.PushMonthReport = true;

        // Day 0: never made, whatever the day.
        options.MonthReportDay = 0;
        clock.Set("2026-09-28");
        Assert.Equal(0, await MakeDueAsync(database));
        Assert.Empty(await KeptAsync(database));
        options.MonthReportDay = 10;

        // No app endpoint: the report is kept, no notice is queued.
        clock.Set("2026-09-10");
        Assert.NotEqual(0, await MakeDueAsync(database));
        Assert.All(await KeptAsync(database), r => Assert.Equal(0, r.NoticesQueued));
        Assert.Empty(await NoticesAsync(database));

        database.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.Endpoints.Add(new WebhookEndpoint { Name = "leaders", Url = "http://127.0.0.1:9/", Secret = "s" });
        clock.Set("2026-10-09");
        Assert.Equal(0, await MakeDueAsync(database)); // the 9th: before the set day
        clock.Set("2026-10-10");
        var made = await MakeDueAsync(database);
        var october = (await KeptAsync(database)).Where(r => r.Month == "2026-10").ToList();
        Assert.Equal(made, october.Count);
        Assert.All(october, r => Assert.Equal(1, r.NoticesQueued));
        var notices = await NoticesAsync(database);
        Assert.Equal(october.Count, notices.Count);
        Assert.All(notices, n => Assert.Equal(("app", "leaders", "notice/supervision-report", OutboxState.Pending), (n.Channel, n.Target, n.ContentType, n.State)));

        var own = october.Single(r => r.AgencyCode == Own);
        var notice = Assert.IsType<MonthReportNotice>(await database.InScopeAsync(sp =>
            sp.GetServices<INoticeSource>().Single(s => s.Type == "supervision-report").LoadAsync(own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default)));
        Assert.Equal(
            (Own, "永宁县公安局", "2026-10", own.Title, "2026-10-10", own.Overdue, own.EmptyClasses, own.BrokenLinks),
            (notice.Agency.Code, notice.Agency.Name, notice.Month, notice.Title, notice.MadeOn, notice.Overdue, notice.EmptyClasses, notice.BrokenLinks));
        Assert.EndsWith($"/admin/supervision?handler=kept&id={own.Id}&format=docx", notice.Docx);
        Assert.Contains($"空白栏目 {own.EmptyClasses} 个", notice.Text);
        Assert.True(own.EmptyClasses > 0); // the demo office's 目录 has classes with nothing in them yet
        Assert.Null(await database.InScopeAsync(sp => sp.GetServices<INoticeSource>().Single(s => s.Type == "supervision-report").LoadAsync("999999", default)));
    }

    private static Task<int> MakeDueAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<MonthReportArchive>().MakeDueAsync(default));

    private static Task<List<MonthReportRecord>> KeptAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<MonthReportRecord>().AsNoTracking().ToListAsync());

    private static Task<List<OutboxMessage>> NoticesAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().Where(m => m.ContentType.StartsWith("notice/")).ToListAsync());
}
