using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Models;
using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Services;

/// <summary>A report rule was broken; the message (zh-CN) says which.</summary>
public sealed class AnnualReportException(string message) : Exception(message);

/// <summary>Where a report stands, as its list shows it.</summary>
public enum AnnualReportState
{
    /// <summary>草稿: not yet submitted, or returned and edited.</summary>
    Draft,
    /// <summary>审核中: in the review chain, approved or scheduled.</summary>
    InReview,
    /// <summary>已发布: published in the 年度报告 class.</summary>
    Published,
}

/// <summary>One row of the report list.</summary>
public sealed record AnnualReportSummary(long Id, string AgencyCode, int Year, AnnualReportState State, string? ContentItemId, DateTime UpdatedUtc, string UpdatedBy);

/// <summary>
/// The annual report's life in the office: a draft per agency and year with the figures computed from the records
/// (<see cref="ReportStatistics"/>) and section 一 drafted from them; edits of sections 一, 五, 六 and the cells
/// entered by hand; refreshes that keep the previous snapshot to show what moved; submission as an
/// <c>AnnualReport</c> content item into the normal review chain, published into the 年度报告 class. Each change
/// is one transaction with its ledger entry (subject <c>annual-report:640121-103/2025</c>).
/// </summary>
public sealed class AnnualReportService(
    DisclosureDbContext db,
    ReportStatistics statistics,
    ContentManager content,
    WorkflowService workflow,
    LedgerWriter ledger,
    TimeProvider clock,
    IEnumerable<IAnnualReportOverviewSource> overviewSources)
{
    public const string ContentType = "AnnualReport";
    public const string CatalogueCode = "09";
    public const string SubjectPrefix = "annual-report:";
    public const string CreatedAction = "annual-report-created";
    public const string SavedAction = "annual-report-saved";
    public const string RefreshedAction = "annual-report-refreshed";
    public const string SubmittedAction = "annual-report-submitted";

    /// <summary>The reports <paramref name="actor"/>'s agency compiles (every agency's for installation-level staff).</summary>
    public async Task<IReadOnlyList<AnnualReportSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var reports = await db.Set<AnnualReportRecord>().AsNoTracking()
            .Where(r => actor.AgencyCode == null || r.AgencyCode == actor.AgencyCode)
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyCode)
            .Select(r => new { r.Id, r.AgencyCode, r.Year, r.ContentItemId, r.UpdatedUtc, r.UpdatedBy })
            .ToListAsync(cancellationToken);
        var states = await StatesAsync(reports.Select(r => r.ContentItemId).OfType<string>().ToList(), cancellationToken);
        return reports.Select(r => new AnnualReportSummary(r.Id, r.AgencyCode, r.Year,
            r.ContentItemId is { } id ? states.GetValueOrDefault(id, AnnualReportState.Draft) : AnnualReportState.Draft,
            r.ContentItemId, r.UpdatedUtc, r.UpdatedBy)).ToList();
    }

    /// <summary>The agencies a report may be compiled for, code → name, ordered by code.</summary>
    /// <summary>The agencies <paramref name="actor"/> may compile a report for: their own, or any for installation-level staff.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AgenciesAsync(Actor actor, CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking().Where(a => actor.AgencyCode == null || a.Code == actor.AgencyCode)
            .OrderBy(a => a.Code).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);

    /// <summary>A report by id; null when there is none or it is another agency's than <paramref name="actor"/>'s (集约化).</summary>
    public async Task<AnnualReportRecord?> FindAsync(long id, Actor actor, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<AnnualReportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is not null && AgencyScope.MaySee(actor, report.AgencyCode) ? report : null;
    }

    public async Task<AnnualReportState> StateAsync(AnnualReportRecord report, CancellationToken cancellationToken = default) =>
        report.ContentItemId is { } id
            ? (await StatesAsync([id], cancellationToken)).GetValueOrDefault(id, AnnualReportState.Draft)
            : AnnualReportState.Draft;

    /// <summary>Whether <paramref name="agencyCode"/>'s report on <paramref name="year"/> is published (for the reminder).</summary>
    public async Task<bool> IsPublishedAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var ids = await db.Set<AnnualReportRecord>().AsNoTracking().Where(r => r.AgencyCode == agencyCode && r.Year == year && r.ContentItemId != null)
            .Select(r => r.ContentItemId!).ToListAsync(cancellationToken);
        var states = await StatesAsync(ids, cancellationToken);
        return states.Values.Any(s => s == AnnualReportState.Published);
    }

    /// <summary>Creates the draft for an agency and year: figures computed now, section 一 drafted from them.</summary>
    public Task<AnnualReportRecord> CreateDraftAsync(string agencyCode, int year, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var format = AnnualReportFormat.For(year)
                ?? throw new AnnualReportException($"{year}年度报告适用2019年试行格式，本系统仅支持2021年起的格式（国办公开办函〔2021〕30号）。");
            var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken)
                ?? throw new AnnualReportException($"机构“{agencyCode}”不存在。");
            var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
            if (year > today.Year)
            {
                throw new AnnualReportException($"{year}年尚未开始，不能编制该年度报告。");
            }

            if (await db.Set<AnnualReportRecord>().AnyAsync(r => r.AgencyCode == agencyCode && r.Year == year, cancellationToken))
            {
                throw new AnnualReportException($"{agency.Name}{year}年度报告已存在，请在列表中打开编辑。");
            }

            var figures = await statistics.ComputeAsync(agencyCode, year, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var report = new AnnualReportRecord
            {
                AgencyCode = agencyCode,
                Year = year,
                FormatYear = format.Year,
                Overview = OverviewDrafter.Draft(agency.Name, figures, await SupervisionAsync(agencyCode, year, cancellationToken)),
                FiguresJson = figures.ToJson(),
                FiguresComputedUtc = now,
                CreatedUtc = now,
                CreatedBy = actor,
                UpdatedUtc = now,
                UpdatedBy = actor,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Set<AnnualReportRecord>().Add(report);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, CreatedAction, Subject(report), null, null, $"按{format.Document}格式编制", cancellationToken);
            return report;
        }, cancellationToken);

    /// <summary>Saves the office's text and hand-entered cells. <paramref name="stamp"/> is the one the form was built from.</summary>
    public Task SaveAsync(long id, string overview, string problems, string other, IReadOnlyDictionary<string, decimal> manual, string stamp, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var report = await LoadDraftAsync(id, stamp, cancellationToken);
            if (manual.Keys.FirstOrDefault(k => !ManualCells.IsKnown(k)) is { } unknown)
            {
                throw new AnnualReportException($"“{unknown}”不是可人工填报的单元格。");
            }

            if (manual.Values.Any(v => v < 0 || v != decimal.Truncate(v)))
            {
                throw new AnnualReportException("人工填报的决定数量应为非负整数。");
            }

            report.Overview = overview.Trim();
            report.Problems = problems.Trim();
            report.Other = other.Trim();
            report.ManualJson = JsonSerializer.Serialize(manual);
            Touch(report, actor);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, SavedAction, Subject(report), null, null, null, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Recomputes the figures; the ones they replace are kept so the page can show which counts moved.</summary>
    public Task<IReadOnlyList<MovedCell>> RefreshAsync(long id, string stamp, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var report = await LoadDraftAsync(id, stamp, cancellationToken);
            var previous = AnnualReportFigures.FromJson(report.FiguresJson);
            var current = await statistics.ComputeAsync(report.AgencyCode, report.Year, cancellationToken);
            report.PreviousFiguresJson = report.FiguresJson;
            report.FiguresJson = current.ToJson();
            report.FiguresComputedUtc = clock.GetUtcNow().UtcDateTime;
            Touch(report, actor);
            await db.SaveChangesAsync(cancellationToken);
            var moved = ReportChecks.Moved(previous, current);
            await ledger.AppendAsync(actor, RefreshedAction, Subject(report), null, null, $"重新统计，{moved.Count} 个单元格数值变化", cancellationToken);
            return moved;
        }, cancellationToken);

    /// <summary>The report's figures with the hand-entered cells filled in.</summary>
    public static AnnualReportFigures Figures(AnnualReportRecord report) =>
        AnnualReportFigures.FromJson(report.FiguresJson).WithManualValues(Manual(report));

    public static IReadOnlyDictionary<string, decimal> Manual(AnnualReportRecord report) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(report.ManualJson) ?? [];

    /// <summary>The counts that moved at the last refresh (empty before any refresh).</summary>
    public static IReadOnlyList<MovedCell> Moved(AnnualReportRecord report) =>
        report.PreviousFiguresJson is { } previous
            ? ReportChecks.Moved(AnnualReportFigures.FromJson(previous), AnnualReportFigures.FromJson(report.FiguresJson))
            : [];

    /// <summary>The consistency checks, against the published report on the year before when there is one.</summary>
    public async Task<IReadOnlyList<CheckFinding>> CheckAsync(AnnualReportRecord report, CancellationToken cancellationToken = default) =>
        ReportChecks.Check(Figures(report), await PublishedFiguresAsync(report.AgencyCode, report.Year - 1, cancellationToken));

    /// <summary>The figures of an agency's published report on <paramref name="year"/>, as submitted; null when none is published.</summary>
    public async Task<AnnualReportFigures?> PublishedFiguresAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<AnnualReportRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.AgencyCode == agencyCode && r.Year == year && r.ContentItemId != null && r.SubmittedFiguresJson != null, cancellationToken);
        if (report is null || await StateAsync(report, cancellationToken) != AnnualReportState.Published)
        {
            return null;
        }

        return AnnualReportFigures.FromJson(report.SubmittedFiguresJson!).WithManualValues(Manual(report));
    }

    /// <summary>The whole report as the renderers draw it, signed today.</summary>
    public async Task<AnnualReportContent> ContentAsync(AnnualReportRecord report, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == report.AgencyCode).Select(a => a.Name).SingleAsync(cancellationToken);
        return new AnnualReportContent(agency, report.Year, report.Overview, report.Problems, report.Other, Figures(report),
            ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// 上报: writes the report into its <c>AnnualReport</c> content item (created on the first submission; a new
    /// draft version after that) — the HTML rendering as its body, <paramref name="document"/> (the DOCX, already in
    /// the media store) attached — and submits it into the review chain. Problems found by the checks must be
    /// acknowledged by the submitter.
    /// </summary>
    public Task<ReviewRecordSummary> SubmitAsync(long id, string stamp, JsonObject? document, bool problemsAcknowledged, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var report = await LoadAsync(id, stamp, cancellationToken);
            var state = await StateAsync(report, cancellationToken);
            if (state != AnnualReportState.Draft)
            {
                throw new AnnualReportException(state == AnnualReportState.Published
                    ? "该年度报告已发布。如需更正，请由公开办撤回后重新编制。"
                    : "该年度报告正在审核中，请等待审核结果。");
            }

            var problems = (await CheckAsync(report, cancellationToken)).Where(f => f.Severity == CheckSeverity.Problem).ToList();
            if (problems.Count > 0 && !problemsAcknowledged)
            {
                throw new AnnualReportException($"核对发现 {problems.Count} 个问题，请逐项核实后勾选“已核实上述问题”再上报。");
            }

            var rendered = await ContentAsync(report, cancellationToken);
            var data = ContentData(report, rendered, document);
            if (report.ContentItemId is null)
            {
                var created = await content.CreateAsync(ContentType, data, actor.UserName, actor.DepartmentCode, cancellationToken: cancellationToken);
                report.ContentItemId = (await db.ContentItems.AsNoTracking().Where(i => i.Id == created.ItemId).Select(i => i.ContentItemId).SingleAsync(cancellationToken));
            }
            else
            {
                await content.SaveDraftAsync(report.ContentItemId, data, actor.UserName, cancellationToken);
            }

            var review = await workflow.SubmitAsync(report.ContentItemId, actor, cancellationToken);
            report.SubmittedFiguresJson = report.FiguresJson;
            Touch(report, actor.UserName);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, SubmittedAction, Subject(report), null, null,
                problems.Count > 0 ? $"上报，已核实 {problems.Count} 个核对问题" : "上报", cancellationToken);
            return new ReviewRecordSummary(review.Id, report.ContentItemId);
        }, cancellationToken);

    /// <summary>The content item's data: title, 目录 metadata (class 年度报告), year, HTML body, DOCX.</summary>
    public static ContentData ContentData(AnnualReportRecord report, AnnualReportContent rendered, JsonObject? document)
    {
        var root = new JsonObject
        {
            [BuiltInParts.TitlePart] = new JsonObject { [BuiltInParts.TitleField] = rendered.Title },
            [DisclosureMetadataPart.PartName] = new JsonObject
            {
                [DisclosureMetadataPart.Catalogue] = CatalogueCode,
                [DisclosureMetadataPart.Agency] = report.AgencyCode,
                [DisclosureMetadataPart.Topic] = "综合政务",
                [DisclosureMetadataPart.WrittenDate] = DateText.Date(rendered.SignedOn),
                [DisclosureMetadataPart.Validity] = DisclosureMetadataPart.Validities.Valid,
                [DisclosureMetadataPart.Attribute] = DisclosureMetadataPart.Attributes.Proactive,
                [DisclosureMetadataPart.Channels] = new JsonArray("政府网站", "移动客户端"),
                [DisclosureMetadataPart.Keywords] = "政府信息公开 年度报告",
                [DisclosureMetadataPart.Summary] = $"{report.Year}年政府信息公开工作年度报告",
            },
            [ContentType] = new JsonObject
            {
                ["ReportYear"] = report.Year,
                ["Report"] = AnnualReportHtml.Render(rendered),
            },
        };
        if (document is not null)
        {
            ((JsonObject)root[ContentType]!)["Document"] = document.DeepClone();
        }

        return new ContentData(root);
    }

    public static string Subject(AnnualReportRecord report) => $"{SubjectPrefix}{report.AgencyCode}/{report.Year}";


    /// <summary>What other modules report under （五）监督保障 for the year, in registration order.</summary>
    private async Task<IReadOnlyList<string>> SupervisionAsync(string agencyCode, int year, CancellationToken cancellationToken)
    {
        var sentences = new List<string>();
        foreach (var source in overviewSources)
        {
            if (await source.SupervisionSentenceAsync(agencyCode, year, cancellationToken) is { Length: > 0 } sentence)
            {
                sentences.Add(sentence);
            }
        }

        return sentences;
    }
    private async Task<AnnualReportRecord> LoadAsync(long id, string stamp, CancellationToken cancellationToken)
    {
        var report = await db.Set<AnnualReportRecord>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new AnnualReportException("年度报告不存在。");
        if (report.ConcurrencyStamp != stamp)
        {
            throw new AnnualReportException("该年度报告已被他人修改，请刷新页面后重试。");
        }

        return report;
    }

    /// <summary>A draft to change: what is in review or published is changed only by returning or withdrawing it first.</summary>
    private async Task<AnnualReportRecord> LoadDraftAsync(long id, string stamp, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(id, stamp, cancellationToken);
        if (await StateAsync(report, cancellationToken) != AnnualReportState.Draft)
        {
            throw new AnnualReportException("该年度报告正在审核中或已发布，不能修改；审核退回或撤回后方可修改。");
        }

        return report;
    }

    private void Touch(AnnualReportRecord report, string actor)
    {
        report.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = actor;
        report.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    private async Task<Dictionary<string, AnnualReportState>> StatesAsync(List<string> contentItemIds, CancellationToken cancellationToken)
    {
        if (contentItemIds.Count == 0)
        {
            return [];
        }

        var versions = await db.ContentVersions.AsNoTracking()
            .Where(v => contentItemIds.Contains(v.Item.ContentItemId))
            .GroupBy(v => v.Item.ContentItemId)
            .Select(g => new
            {
                Id = g.Key,
                Published = g.Any(v => v.Status == ContentStatus.Published),
                Reviewing = g.Any(v => v.Status == ContentStatus.InReview || v.Status == ContentStatus.Approved || v.Status == ContentStatus.Scheduled),
            })
            .ToListAsync(cancellationToken);
        return versions.ToDictionary(v => v.Id, v => v.Published ? AnnualReportState.Published : v.Reviewing ? AnnualReportState.InReview : AnnualReportState.Draft);
    }
}

/// <summary>What a submission started: the review and the report's content item.</summary>
public sealed record ReviewRecordSummary(long ReviewId, string ContentItemId);
