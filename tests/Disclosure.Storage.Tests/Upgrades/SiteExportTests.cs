using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Modules;
using Disclosure.Modules.Export;
using Disclosure.Requests.Data;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Upgrades;

/// <summary>
/// 迁出 and back: the demo site (with items edited, left as drafts and withdrawn) exported and applied with setup.json
/// to an empty site has the same items, 索引号, dates, versions and their data, the same 目录, agencies and 双公示
/// records; applications go without personal data unless asked, and each export is in the 台账.
/// </summary>
public sealed class SiteExportTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_export_imported_into_an_empty_site_brings_back_the_same_content_attachments_catalogue_and_credit_records(DatabaseProvider engine)
    {
        await using var source = await TestDatabase.CreateDemoAsync(engine, TestClock.At("2026-11-23"));
        await EditSomeItemsAsync(source);
        var attachment = Path.Combine("2026", "11", "通告附件.pdf");
        Directory.CreateDirectory(Path.Combine(source.Options.DataFolder, "media", "2026", "11"));
        await File.WriteAllBytesAsync(Path.Combine(source.Options.DataFolder, "media", attachment), [0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]);
        var folder = NewFolder();
        try
        {
            var result = await ExportAsync(source, folder, includePersonalData: false);
            Assert.True(result.ContentVersions > result.ContentItems && result.CreditRecords > 300 && result.Applications > 30);

            await using var target = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-12-05"));
            await target.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync(
            [
                InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, "setup.json")),
                InstalledModules.ReadRecipe(Path.Combine(folder, SiteExporter.RecipeFile)),
            ]));

            Assert.Equal(await ItemsAsync(source), await ItemsAsync(target));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(source.Options.DataFolder, "media", attachment)),
                await File.ReadAllBytesAsync(Path.Combine(target.Options.DataFolder, "media", attachment)));
            var versions = await VersionsAsync(source);
            Assert.Contains(versions, v => v.StartsWith("alert-2017-spring-festival-burglary|2|Published", StringComparison.Ordinal));
            Assert.Equal(versions, await VersionsAsync(target));
            Assert.Equal(await CatalogueAsync(source), await CatalogueAsync(target));
            var agencies = await AgenciesAsync(source);
            Assert.Contains(agencies, a => a.StartsWith("day|", StringComparison.Ordinal));
            Assert.Equal(agencies, await AgenciesAsync(target));
            foreach (var kind in new[] { CreditRecordKind.Licence, CreditRecordKind.Penalty })
            {
                Assert.Equal(await CreditRowsAsync(source, kind), await CreditRowsAsync(target, kind));
            }

            // The moved site works as a site: its 台账 (publications replayed at their times) verifies, and the next
            // publication of an agency gets a 索引号 after the ones it brought.
            await target.InScopeAsync(async sp => Assert.Empty(await sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
            var indexNumbers = (await ItemsAsync(source)).Select(i => i.Split('|')[2]).Where(n => n.Length > 0).ToHashSet();
            var fresh = await target.InScopeAsync(async sp =>
            {
                var manager = sp.GetRequiredService<ContentManager>();
                var db = sp.GetRequiredService<DisclosureDbContext>();
                var template = await db.ContentVersions.Where(v => v.Item.ContentItemId == "alert-2019-fake-refund-scam" && v.Number == 1).Select(v => v.DataJson).SingleAsync();
                var data = JsonNode.Parse(template)!.AsObject();
                data["TitlePart"]!["Title"] = "迁入后新发布的一条";
                await manager.CreateAsync("Disclosure", new ContentData(data), "editor", contentItemId: "after-move");
                return (await manager.PublishAsync("after-move", null, "editor", DateTimeOffset.Parse("2026-11-20T10:00:00+08:00", CultureInfo.InvariantCulture))).Item.IndexNumber;
            });
            Assert.NotNull(fresh);
            Assert.DoesNotContain(fresh, indexNumbers);

            // Applications: every one, without the applicants' personal data; the export is in the 台账.
            var requests = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "requests.json")))!;
            Assert.False(requests["personalData"]!.GetValue<bool>());
            Assert.Equal(result.Applications, requests["applications"]!.AsArray().Count);
            Assert.All(requests["applications"]!.AsArray(), a => Assert.Null(a!["Applicant"]));
            var idNumber = await source.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<RequestApplicantRecord>().Select(a => a.IdNumber).FirstAsync());
            Assert.DoesNotContain(idNumber, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(File.ReadAllText), StringComparer.Ordinal);
            Assert.Contains("不含申请人个人信息", await LastExportDetailAsync(source), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "README.md")));
            Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "annual-reports.json")))!["annualReports"]!.AsArray());
            var reports = await AnnualReportsAsync(source);
            Assert.Single(reports);
            Assert.Equal(reports, await AnnualReportsAsync(target));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Personal_data_goes_only_when_asked_the_台账_says_so_and_the_register_imports_back()
    {
        await using var source = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite, TestClock.At("2026-11-23"));
        var folder = NewFolder();
        try
        {
            await ExportAsync(source, folder, includePersonalData: true);
            var applicant = await source.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<RequestApplicantRecord>().FirstAsync());
            var requests = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "requests.json")))!;
            Assert.True(requests["personalData"]!.GetValue<bool>());
            Assert.Contains(requests["applications"]!.AsArray(), a => a!["Applicant"]?["IdNumber"]?.GetValue<string>() == applicant.IdNumber);
            Assert.Contains("含申请人个人信息", await LastExportDetailAsync(source), StringComparison.Ordinal);
            Assert.DoesNotContain("不含", await LastExportDetailAsync(source), StringComparison.Ordinal);

            // With the applicants the register is a Requests step: an empty site gets every application back as it stood.
            await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, clock: TestClock.At("2026-12-05"));
            await target.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync(
            [
                InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, "setup.json")),
                InstalledModules.ReadRecipe(Path.Combine(folder, SiteExporter.RecipeFile)),
            ]));
            var applications = await ApplicationsAsync(source);
            Assert.True(applications.Count > 30);
            Assert.Equal(applications, await ApplicationsAsync(target));

            // A folder with files in it is refused: an export never mixes with an older one.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ExportAsync(source, folder, includePersonalData: false));
            Assert.Contains("不是空目录", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "disclosure-tests", "export-" + Guid.NewGuid().ToString("n"));

    private static Task<SiteExportResult> ExportAsync(TestDatabase database, string folder, bool includePersonalData) =>
        database.InScopeAsync(sp => ActivatorUtilities.CreateInstance<SiteExporter>(sp).ExportAsync(folder, includePersonalData, "admin"));

    /// <summary>Two items republished with an edit, one with a draft left open, one withdrawn, and a draft annual report: a history to carry.</summary>
    private static Task EditSomeItemsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var manager = sp.GetRequiredService<ContentManager>();
            string[] ids = ["alert-2017-spring-festival-burglary", "alert-2019-fake-refund-scam", "alert-2020-winter-fire-safety", "alert-2023-task-rebate-scam"];
            for (var n = 0; n < ids.Length; n++)
            {
                var json = await db.ContentVersions.Where(v => v.Item.ContentItemId == ids[n]).OrderByDescending(v => v.Number).Select(v => v.DataJson).FirstAsync();
                var data = JsonNode.Parse(json)!.AsObject();
                data["TitlePart"]!["Title"] = data["TitlePart"]!["Title"]!.GetValue<string>() + "（修订）";
                await manager.SaveDraftAsync(ids[n], new ContentData(data), "editor");
                if (n < 2)
                {
                    await manager.PublishAsync(ids[n], null, "editor", DateTimeOffset.Parse("2026-11-20T09:30:00+08:00", CultureInfo.InvariantCulture));
                }

                if (n == 3)
                {
                    await manager.WithdrawAsync(ids[n], "已过时效", "editor", DateTimeOffset.Parse("2026-11-21T09:30:00+08:00", CultureInfo.InvariantCulture));
                }

                db.ChangeTracker.Clear();
            }

            await sp.GetRequiredService<Disclosure.AnnualReports.Services.AnnualReportService>().CreateDraftAsync("640121-103", 2025, "editor");
        });

    private static Task<List<string>> ItemsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<DisclosureDbContext>().ContentItems.AsNoTracking().ToListAsync())
            .Select(i => string.Join('|', i.ContentItemId, i.ContentType, i.IndexNumber, i.DepartmentCode, i.AgencyCode, Ticks(i.CreatedUtc), Ticks(i.FirstPublishedUtc), i.LatestVersionNumber))
            .Order(StringComparer.Ordinal).ToList());

    private static Task<List<string>> VersionsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<DisclosureDbContext>().ContentVersions.AsNoTracking().Include(v => v.Item).ToListAsync())
            .Select(v => string.Join('|', v.Item.ContentItemId, v.Number, v.Status, v.ContentHash, v.Title, v.CatalogueCode, v.AgencyCode, v.DocumentNumber, v.WrittenDate,
                Ticks(v.CreatedUtc), v.CreatedBy, Ticks(v.PublishedUtc), v.PublishedBy, Ticks(v.WithdrawnUtc), v.WithdrawnBy, v.WithdrawReason, v.DataJson))
            .Order(StringComparer.Ordinal).ToList());

    private static Task<List<string>> CatalogueAsync(TestDatabase database) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<DisclosureDbContext>().CatalogueClasses.AsNoTracking().ToListAsync())
            .Select(c => string.Join('|', c.Code, c.Name, c.ParentCode, c.Position, c.Description)).Order(StringComparer.Ordinal).ToList());

    private static Task<List<string>> AgenciesAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var agencies = (await db.Agencies.AsNoTracking().ToListAsync()).Select(a => string.Join('|', a.Code, a.Name, a.ParentCode, a.Position, a.AreaCode, a.DepartmentCode, a.CreditCode, a.IndexNumberFormat, a.AcceptsOnlineRequests));
            var departments = (await db.Departments.AsNoTracking().ToListAsync()).Select(d => string.Join('|', "dept", d.AgencyCode, d.Code, d.Name));
            var settings = (await db.AgencySettings.AsNoTracking().ToListAsync()).Select(s => string.Join('|', "setting", s.AgencyCode, s.Name, s.Value));
            var days = (await db.Set<Disclosure.Storage.Entities.AgencyCalendarDayRecord>().AsNoTracking().ToListAsync()).Select(d => string.Join('|', "day", d.AgencyCode, d.Date, d.Kind, d.Name, d.Source));
            return agencies.Concat(departments).Concat(settings).Concat(days).Order(StringComparer.Ordinal).ToList();
        });

    /// <summary>Every 双公示 record as its full export row (all columns of the import format, status included), with its agency.</summary>
    private static Task<List<string>> CreditRowsAsync(TestDatabase database, CreditRecordKind kind) =>
        database.InScopeAsync(async sp =>
        {
            var rows = new List<string>();
            foreach (var agency in await sp.GetRequiredService<DisclosureDbContext>().Agencies.Select(a => a.Code).ToListAsync())
            {
                await foreach (var row in sp.GetRequiredService<CreditExporter>().RowsAsync(kind, agencyCode: agency))
                {
                    rows.Add(agency + "|" + string.Join('|', row));
                }
            }

            return rows.Order(StringComparer.Ordinal).ToList();
        });

    /// <summary>Each application with its applicant, stage, outcome, dates, consultations and appeals.</summary>
    private static Task<List<string>> ApplicationsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var applicants = await db.Set<RequestApplicantRecord>().AsNoTracking().ToListAsync();
            return (await db.Set<InformationRequestRecord>().AsNoTracking().Include(r => r.Consultations).Include(r => r.Appeals).ToListAsync())
                .Select(r =>
                {
                    var a = applicants.Single(x => x.RequestId == r.Id);
                    return string.Join('|', r.Number, r.TrackingCode, r.AgencyCode, r.Channel, r.Kind, r.ReceivedOn, r.Description, r.Form, r.Delivery, r.Stage, r.DepartmentCode,
                        r.ClockStartOn, r.CorrectionRequestedOn, r.CorrectionNote, r.CorrectionReceivedOn, r.ExtensionDays, r.ExtendedOn, r.ExtensionReason, r.Outcome, r.ClosedOn, r.ReplyText,
                        a.Name, a.IdType, a.IdNumber, a.Phone, a.Address, a.Email, a.ContactName, a.LegalRepresentative,
                        string.Join(';', r.Consultations.OrderBy(c => c.Id).Select(c => $"{c.ThirdParty},{c.StartedOn},{c.RepliedOn}")),
                        string.Join(';', r.Appeals.OrderBy(x => x.Id).Select(x => $"{x.Kind},{x.FiledOn},{x.Authority},{x.Result},{x.DecidedOn}")));
                })
                .Order(StringComparer.Ordinal).ToList();
        });

    private static Task<List<string>> AnnualReportsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<DisclosureDbContext>().Set<Disclosure.AnnualReports.Data.AnnualReportRecord>().AsNoTracking().ToListAsync())
            .Select(r => string.Join('|', r.AgencyCode, r.Year, r.FormatYear, r.Overview, r.Problems, r.Other, r.ManualJson, r.FiguresJson, r.PreviousFiguresJson,
                Ticks(r.FiguresComputedUtc), r.SubmittedFiguresJson, r.ContentItemId, Ticks(r.CreatedUtc), r.CreatedBy, Ticks(r.UpdatedUtc), r.UpdatedBy))
            .Order(StringComparer.Ordinal).ToList());

    private static Task<string> LastExportDetailAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Action == LedgerActions.SiteExported)
            .OrderByDescending(e => e.Sequence).Select(e => e.Detail!).FirstAsync());

    private static string Ticks(DateTime? value) => value?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "";
}
