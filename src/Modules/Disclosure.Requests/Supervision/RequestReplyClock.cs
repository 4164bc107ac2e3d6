using Disclosure.Core.Calendar;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using Disclosure.Storage.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Supervision;

/// <summary>
/// 依申请公开的答复期限 on the supervision board: the same timeline the office's list and the applicant's status query
/// use (receipt or 补正, 征求意见 pauses, 延期), so the board never disagrees with them. An application waiting for the
/// applicant's 补正 runs no clock and is left off.
/// </summary>
public sealed class RequestReplyClock(DisclosureDbContext db, IWorkingDayCalendarSource calendars) : ISupervisionClock
{
    public string Key => "requests";

    public string Name => "依申请公开答复";

    public string Rule => "自收到申请之日起 20 个工作日内答复，经批准可延长不超过 20 个工作日；征求第三方意见的时间不计算在内（条例第三十三条）";

    public int Order => 30;

    public async Task<IReadOnlyList<ClockEntry>> EntriesAsync(ClockQuery query, CancellationToken cancellationToken)
    {
        var requests = await db.Set<InformationRequestRecord>().AsNoTracking()
            .Include(r => r.Consultations)
            .Where(r => query.AgencyCode == null || r.AgencyCode == query.AgencyCode)
            .Where(r => (r.Stage != RequestStage.Closed && r.Stage != RequestStage.AwaitingCorrection)
                || (r.Stage == RequestStage.Closed && r.ClosedOn >= query.DoneFrom && r.ClosedOn <= query.DoneTo))
            .ToListAsync(cancellationToken);
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        return requests.Select(r =>
        {
            var calendar = agencyCalendars.For(r.AgencyCode);
            var pauses = RequestService.Pauses(r);
            var due = ReplyDeadline.Due(calendar, r.ClockStartOn, pauses, r.ExtensionDays).Value;
            var state = r.Stage == RequestStage.Closed
                ? (r.ClosedOn <= due ? ClockState.DoneOnTime : ClockState.DoneLate)
                : ReplyDeadline.Remaining(calendar, query.Today, due, pauses) switch
                {
                    < 0 => ClockState.Overdue,
                    var left when left <= query.DueSoonWorkingDays => ClockState.DueSoon,
                    _ => ClockState.Running,
                };
            return new ClockEntry($"{r.Number} {Shorten(r.Description)}", r.AgencyCode, r.DepartmentCode, "/admin/requests/" + r.Number,
                r.ReceivedOn, due, r.Stage == RequestStage.Closed ? r.ClosedOn : null, state);
        }).ToList();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
