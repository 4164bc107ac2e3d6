using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Statistics;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>
/// The statistics the annual report (政府信息公开工作年度报告) needs from 依申请公开, computed from the applications
/// themselves:
/// <list type="bullet">
/// <item><see cref="ApplicationTableAsync(IReadOnlyCollection{string}, int, CancellationToken)"/> — table 三, 收到和处理政府信息公开申请情况: rows 一、二、三（一）…（七）、四 by
/// applicant kind, with 上年结转 and 结转下年度继续办理 carried between years (see <see cref="ApplicationTable"/>).</item>
/// <item><see cref="AppealTableAsync(IReadOnlyCollection{string}, int, CancellationToken)"/> — table 四, 政府信息公开行政复议、行政诉讼情况 (see <see cref="AppealTable"/>).</item>
/// </list>
/// Both count the applications addressed to the given agencies (受理机关, the indexed AgencyCode): one agency for its own
/// annual report, several for an installation-wide or subtree view. Appeals belong to their application's agency.
/// Only kinds, dates and outcomes are read; never personal data. The tables are plain immutable models, so the
/// report can render, check (<see cref="ApplicationTable.CheckConsistency"/>) and store them as it likes.
/// </summary>
public sealed class RequestStatistics(DisclosureDbContext db)
{
    /// <summary>
    /// Table 三 by GROUP BY in the database: one row per (applicant kind, received before the year, outcome if
    /// closed in the year), so 20,000 applications come back as a few dozen counts, never as rows.
    /// </summary>
    public async Task<ApplicationTable> ApplicationTableAsync(IReadOnlyCollection<string> agencyCodes, int year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var groups = await Requests(agencyCodes)
            .Where(r => r.ReceivedOn <= last && (r.ClosedOn == null || r.ClosedOn >= first))
            .GroupBy(r => new
            {
                r.Kind,
                Before = r.ReceivedOn < first,
                Closed = r.ClosedOn != null && r.ClosedOn <= last,
                Outcome = r.ClosedOn != null && r.ClosedOn <= last ? r.Outcome : null,
            })
            .Select(g => new { g.Key.Kind, g.Key.Before, g.Key.Closed, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return ApplicationTable.FromGroups(year, groups.Select(g => new RequestGroup(g.Kind, g.Before, g.Closed, g.Outcome, g.Count)));
    }

    /// <summary>
    /// Table 四 by GROUP BY in the database: each case falls in one bucket for the year — its result if decided in
    /// the year, 尚未审结 if filed by the year's end and not decided by then, none if decided in an earlier year.
    /// </summary>
    public async Task<AppealTable> AppealTableAsync(IReadOnlyCollection<string> agencyCodes, int year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var requests = Requests(agencyCodes);
        var groups = await db.Set<RequestAppealRecord>().AsNoTracking()
            .Where(a => requests.Any(r => r.Id == a.RequestId))
            .Where(a => a.FiledOn <= last && (a.DecidedOn == null || a.Result == AppealResult.Pending || a.DecidedOn >= first))
            .GroupBy(a => new
            {
                a.Kind,
                Bucket = a.DecidedOn != null && a.Result != AppealResult.Pending && a.DecidedOn <= last ? a.Result : AppealResult.Pending,
            })
            .Select(g => new { g.Key.Kind, g.Key.Bucket, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return AppealTable.FromGroups(year, groups.Select(g => new AppealGroup(g.Kind, g.Bucket, g.Count)));
    }

    /// <summary>One agency's own tables (its annual report).</summary>
    public Task<ApplicationTable> ApplicationTableAsync(string agencyCode, int year, CancellationToken cancellationToken = default) =>
        ApplicationTableAsync([agencyCode], year, cancellationToken);

    /// <summary>One agency's own table 四.</summary>
    public Task<AppealTable> AppealTableAsync(string agencyCode, int year, CancellationToken cancellationToken = default) =>
        AppealTableAsync([agencyCode], year, cancellationToken);

    private IQueryable<InformationRequestRecord> Requests(IReadOnlyCollection<string> agencyCodes)
    {
        // A single agency is compared with = so the (AgencyCode, ReceivedOn) index is used as plainly as possible.
        var requests = db.Set<InformationRequestRecord>().AsNoTracking();
        if (agencyCodes.Count == 1)
        {
            var code = agencyCodes.First();
            return requests.Where(r => r.AgencyCode == code);
        }

        var codes = agencyCodes.ToList();
        return requests.Where(r => codes.Contains(r.AgencyCode));
    }
}
