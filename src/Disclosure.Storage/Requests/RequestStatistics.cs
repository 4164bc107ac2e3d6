using Disclosure.Core.Requests;
using Disclosure.Core.Requests.Statistics;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Requests;

/// <summary>
/// The statistics the annual report (政府信息公开工作年度报告) needs from 依申请公开, computed from the applications
/// themselves:
/// <list type="bullet">
/// <item><see cref="ApplicationTableAsync"/> — table 三, 收到和处理政府信息公开申请情况: rows 一、二、三（一）…（七）、四 by
/// applicant kind, with 上年结转 and 结转下年度继续办理 carried between years (see <see cref="ApplicationTable"/>).</item>
/// <item><see cref="AppealTableAsync"/> — table 四, 政府信息公开行政复议、行政诉讼情况 (see <see cref="AppealTable"/>).</item>
/// </list>
/// Only kinds, dates and outcomes are read; never personal data. The tables are plain immutable models, so the
/// report can render, check (<see cref="ApplicationTable.CheckConsistency"/>) and store them as it likes.
/// </summary>
public sealed class RequestStatistics(DisclosureDbContext db)
{
    public async Task<ApplicationTable> ApplicationTableAsync(int year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var facts = await db.Set<InformationRequestRecord>().AsNoTracking()
            .Where(r => r.ReceivedOn <= last && (r.ClosedOn == null || r.ClosedOn >= first))
            .Select(r => new RequestFact(r.Kind, r.ReceivedOn, r.ClosedOn, r.Outcome))
            .ToListAsync(cancellationToken);
        return ApplicationTable.Compute(year, facts);
    }

    public async Task<AppealTable> AppealTableAsync(int year, CancellationToken cancellationToken = default)
    {
        var last = new DateOnly(year, 12, 31);
        var facts = await db.Set<RequestAppealRecord>().AsNoTracking()
            .Where(a => a.FiledOn <= last)
            .Select(a => new AppealFact(a.Kind, a.FiledOn, a.DecidedOn, a.Result))
            .ToListAsync(cancellationToken);
        return AppealTable.Compute(year, facts);
    }
}
