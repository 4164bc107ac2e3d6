using Disclosure.Core.Calendar;
using Disclosure.Storage;
using Disclosure.Storage.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// 局长信箱's reply clock on the supervision board (<see cref="LetterClock"/>): each kind's limit plus any approved
/// extension, counted from the day after receipt; open letters, and letters replied to in the period.
/// </summary>
public sealed class LetterReplyClock(DisclosureDbContext db, IWorkingDayCalendarSource calendars, IOptions<MailboxOptions> options) : ISupervisionClock
{
    public string Key => "mailbox";

    public string Name => "局长信箱答复";

    public string Rule => "来信自收到之次日起，按来信类型规定的工作日内答复，经批准可延期";

    public int Order => 50;

    public async Task<IReadOnlyList<ClockEntry>> EntriesAsync(ClockQuery query, CancellationToken cancellationToken)
    {
        var letters = await db.Set<LetterRecord>().AsNoTracking()
            .Where(l => query.AgencyCode == null || l.AgencyCode == query.AgencyCode)
            .Where(l => l.Stage != LetterStage.Replied || (l.RepliedOn >= query.DoneFrom && l.RepliedOn <= query.DoneTo))
            .Select(l => new { l.Number, l.Subject, l.Kind, l.AgencyCode, l.DepartmentCode, l.ReceivedOn, l.ExtensionWorkingDays, l.Stage, l.RepliedOn })
            .ToListAsync(cancellationToken);
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var settings = options.Value;
        return letters.Select(l =>
        {
            var calendar = agencyCalendars.For(l.AgencyCode);
            var due = LetterClock.Due(calendar, l.ReceivedOn, settings.LimitFor(l.Kind), l.ExtensionWorkingDays).Value;
            var done = l.Stage == LetterStage.Replied ? l.RepliedOn : null;
            return new ClockEntry($"{l.Number} {l.Subject}", l.AgencyCode, l.DepartmentCode, "/admin/mailbox/" + l.Number,
                l.ReceivedOn, due, done, ClockStates.Of(calendar, query.Today, due, done, query.DueSoonWorkingDays));
        }).ToList();
    }
}
