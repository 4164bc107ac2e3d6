using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Services;

/// <summary>Where one agency's report on the year stands for the 完成情况 page.</summary>
public enum CompletionState
{
    /// <summary>未编制: no draft.</summary>
    NotStarted,
    /// <summary>草稿.</summary>
    Draft,
    /// <summary>审核中.</summary>
    InReview,
    /// <summary>已发布.</summary>
    Published,
}

/// <summary>
/// One agency's line: its report (if any), its state, when it was first published (a Beijing date), and whether it is
/// late — published after 31 January of the next year, or still unpublished once that day has passed.
/// </summary>
public sealed record CompletionRow(string Code, string Name, int Depth, long? ReportId, CompletionState State, DateOnly? PublishedOn, bool Overdue);

/// <summary>A parent agency's subtree for one year, against the statutory date (条例 第四十九条: 每年1月31日前).</summary>
public sealed record CompletionResult(string AgencyCode, string AgencyName, int Year, DateOnly Deadline, bool DeadlinePassed, IReadOnlyList<CompletionRow> Rows)
{
    public int PublishedCount => Rows.Count(r => r.State == CompletionState.Published);
}

/// <summary>
/// 年度报告完成情况: which agencies in a subtree have published their report on a year (an AnnualReportRecord whose
/// content item has a published version) and when, and which have not.
/// </summary>
public sealed class ReportCompletion(DisclosureDbContext db, AgencyDirectory agencies, TimeProvider clock)
{
    public async Task<CompletionResult?> ComputeAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        if (tree.Find(agencyCode) is not { } root)
        {
            return null;
        }

        var codes = tree.SubtreeCodes(agencyCode);
        var reports = await db.Set<AnnualReportRecord>().AsNoTracking()
            .Where(r => r.Year == year && codes.Contains(r.AgencyCode))
            .Select(r => new { r.Id, r.AgencyCode, r.ContentItemId })
            .ToListAsync(cancellationToken);
        var itemIds = reports.Select(r => r.ContentItemId).OfType<string>().ToList();
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => itemIds.Contains(i.ContentItemId))
            .Select(i => new
            {
                i.ContentItemId,
                i.FirstPublishedUtc,
                Published = i.Versions.Any(v => v.Status == ContentStatus.Published),
                Reviewing = i.Versions.Any(v => v.Status == ContentStatus.InReview || v.Status == ContentStatus.Approved || v.Status == ContentStatus.Scheduled),
                // The first publication of the report (a later corrected version does not move the date).
                FirstPublished = i.Versions.Where(v => v.PublishedUtc != null).Min(v => v.PublishedUtc),
            })
            .ToDictionaryAsync(i => i.ContentItemId, cancellationToken);

        var deadline = ReportReminder.Deadline(year);
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var rows = new List<CompletionRow>();
        foreach (var code in codes)
        {
            var node = tree.Find(code)!;
            var report = reports.FirstOrDefault(r => r.AgencyCode == code);
            var item = report?.ContentItemId is { } id ? items.GetValueOrDefault(id) : null;
            var state = report is null ? CompletionState.NotStarted
                : item is null ? CompletionState.Draft
                : item.Published ? CompletionState.Published
                : item.Reviewing ? CompletionState.InReview
                : CompletionState.Draft;
            DateOnly? publishedOn = state == CompletionState.Published && (item!.FirstPublished ?? item.FirstPublishedUtc) is { } utc
                ? ChinaTime.ToDate(utc)
                : null;
            var overdue = publishedOn is { } on ? on > deadline : today > deadline;
            rows.Add(new CompletionRow(code, node.Name, node.Depth - root.Depth, report?.Id, state, publishedOn, overdue));
        }

        return new CompletionResult(root.Code, root.Name, year, deadline, today > deadline, rows);
    }

    public static string StateName(CompletionState state) => state switch
    {
        CompletionState.NotStarted => "未编制",
        CompletionState.Draft => "草稿",
        CompletionState.InReview => "审核中",
        CompletionState.Published => "已发布",
        _ => state.ToString(),
    };
}
