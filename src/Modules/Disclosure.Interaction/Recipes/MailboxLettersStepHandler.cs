using Disclosure.Core.Calendar;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Disclosure.Storage;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Recipes;

/// <summary>
/// Applies a <see cref="MailboxLettersStep"/> through <see cref="MailboxService"/> — received, routed, drafted,
/// approved by the department and sent by the office, published as the masking proposes — so the demo's letters
/// pass the same checks as any other; then dates each step as the recipe says (the reply's working days and
/// timeliness counted on the calendar) and prints the writers' 查询码 once through <see cref="SetupNotices"/>. A
/// letter with the same subject and day already there is left alone.
/// </summary>
internal sealed class MailboxLettersStepHandler(
    MailboxService mailbox,
    DisclosureDbContext db,
    IWorkingDayCalendarSource calendars,
    SetupNotices notices,
    IOptions<MailboxOptions> options) : RecipeStepHandler<MailboxLettersStep>
{
    public const string Actor = "setup";

    protected override async Task ApplyAsync(MailboxLettersStep step, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCalendarsAsync(cancellationToken);
        var lines = new List<string>();
        foreach (var planned in step.Letters)
        {
            if (await db.Set<LetterRecord>().AnyAsync(l => l.Subject == planned.Letter.Subject && l.ReceivedOn == planned.ReceivedOn, cancellationToken))
            {
                continue;
            }

            var received = await mailbox.ReceiveAsync(planned.Letter, [], Actor, planned.ReceivedOn, cancellationToken: cancellationToken);
            var id = await db.Set<LetterRecord>().Where(l => l.Number == received.Number).Select(l => l.Id).SingleAsync(cancellationToken);
            var office = new Actor(Actor, new HashSet<string> { RoleNames.InformationOffice, RoleNames.DepartmentReviewer }, planned.Department);
            if (planned.Department is { } department)
            {
                await mailbox.RouteAsync(id, department, null, office, cancellationToken);
            }

            if (planned is { Reply: { } reply, RepliedOn: { } repliedOn })
            {
                await mailbox.SaveReplyAsync(id, reply, submit: true, office, cancellationToken);
                await mailbox.DepartmentDecideAsync(id, approve: true, null, office, cancellationToken);
                await mailbox.OfficeDecideAsync(id, send: true, null, office, cancellationToken);
                await DateReplyAsync(id, repliedOn, calendar, cancellationToken);
                if (planned.Publish)
                {
                    var proposal = await mailbox.ProposePublicationAsync(id, office, cancellationToken);
                    await mailbox.PublishAsync(id, proposal.Subject, proposal.Body, proposal.Reply, office, cancellationToken);
                }

                if (planned.Rating is { } rating)
                {
                    await RateAsync(id, received.Number, planned.Department, rating, planned.RatingComment, repliedOn.AddDays(1), cancellationToken);
                }
            }

            lines.Add($"{received.Number}  {LetterNames.Kind(received.Kind)}  查询码 {TrackingCode.Format(received.TrackingCode)}  电话 {planned.Letter.Writer.Phone}");
        }

        if (lines.Count > 0)
        {
            notices.Add("局长信箱演示来信的查询码（/mailbox/status，/satisfaction）", lines);
        }
    }

    /// <summary>The reply as sent on the recipe's day: its working days and timeliness counted as the office's would have been.</summary>
    private async Task DateReplyAsync(long id, DateOnly repliedOn, AgencyCalendars calendars, CancellationToken cancellationToken)
    {
        var letter = await db.Set<LetterRecord>().SingleAsync(l => l.Id == id, cancellationToken);
        MailboxService.StampReply(letter, calendars.For(letter.AgencyCode), repliedOn, options.Value);
        letter.ReceivedUtc = At(letter.ReceivedOn);
        letter.PublishedUtc = letter.PublishedUtc is null ? null : At(repliedOn);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RateAsync(long id, string number, string? department, Satisfaction rating, string? comment, DateOnly ratedOn, CancellationToken cancellationToken)
    {
        db.Set<ReplyRatingRecord>().Add(new ReplyRatingRecord
        {
            Reply = RatedReply.Letter, SubjectId = id, SubjectNumber = number, DepartmentCode = department, Rating = rating, Comment = comment,
            RatedUtc = At(ratedOn), RatedMonth = MailboxService.MonthKey(ratedOn),
            FollowUp = rating == Satisfaction.Dissatisfied ? FollowUpState.Open : FollowUpState.None,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTime At(DateOnly date) => date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) - ChinaTime.Offset;
}
