using Disclosure.Core.Time;
using Disclosure.Interaction.Mailbox;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Ratings;

/// <summary>A reply its writer or applicant may rate, found by 查询码 and phone (or, for an application, ID number).</summary>
public sealed record RateableReply(RatedReply Reply, long SubjectId, string Number, string Title, bool Answered, Satisfaction? Rated);

/// <summary>
/// 满意度评价: the writer of a letter or the applicant of a 依申请公开 request rates the reply once, through their
/// 查询码; a 不满意 opens a 回访 for the office. The rating form carries a sealed, 30-minute token naming the reply
/// (made when the code and phone were checked), so the rating itself needs no second guess at the code.
/// </summary>
public sealed class RatingService(
    DisclosureDbContext db,
    LetterStatusQuery letters,
    RequestStatusQuery requests,
    IDataProtectionProvider protection,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public const int MaxComment = 500;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);

    private const string SubjectPrefix = "rating:";

    public async Task<RateableReply?> FindAsync(string? code, string? secondFactor, CancellationToken cancellationToken = default)
    {
        if (await letters.FindAsync(code, secondFactor, cancellationToken) is { } letter)
        {
            return new RateableReply(RatedReply.Letter, letter.LetterId, letter.Number, letter.Subject, letter.Stage == LetterStage.Replied,
                await RatedAsync(RatedReply.Letter, letter.LetterId, cancellationToken));
        }

        if (await requests.FindAsync(code, secondFactor, cancellationToken) is { } request)
        {
            var record = await db.Set<InformationRequestRecord>().AsNoTracking().FirstAsync(r => r.Id == request.RequestId, cancellationToken);
            return new RateableReply(RatedReply.Request, record.Id, record.Number, record.Description, record.ClosedOn is not null,
                await RatedAsync(RatedReply.Request, record.Id, cancellationToken));
        }

        return null;
    }

    /// <summary>The sealed token the rating form carries for <paramref name="reply"/>.</summary>
    public string TokenFor(RateableReply reply) =>
        Protector().Protect($"{(int)reply.Reply}:{reply.SubjectId}", TokenLifetime);

    /// <summary>Whether <paramref name="token"/> still names a reply that is answered and not yet rated.</summary>
    public bool Names(string? token) => Open(token) is not null;

    /// <summary>Rates the reply a token names. Returns the zh-CN reason when refused (expired token, not answered, already rated).</summary>
    public async Task<string?> RateAsync(string? token, Satisfaction? rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (Open(token) is not { } subject)
        {
            return "评价页面已过期，请重新输入查询码查询后再评价。";
        }

        if (rating is not { } value || !SatisfactionNames.All.Contains(value))
        {
            return "请选择满意、基本满意或不满意。";
        }

        var text = LetterText.Clean(comment, keepLines: true);
        if (text.Length > MaxComment)
        {
            return $"评价意见不能超过 {MaxComment} 个字。";
        }

        var (number, department, answered) = await SubjectAsync(subject.Reply, subject.Id, cancellationToken);
        if (!answered)
        {
            return "答复后才能评价。";
        }

        if (await RatedAsync(subject.Reply, subject.Id, cancellationToken) is not null)
        {
            return "这件答复已经评价过，每件答复只能评价一次。";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                db.Set<ReplyRatingRecord>().Add(new ReplyRatingRecord
                {
                    Reply = subject.Reply, SubjectId = subject.Id, SubjectNumber = number, DepartmentCode = department, Rating = value,
                    Comment = text.Length > 0 ? text : null, RatedUtc = now, RatedMonth = MailboxService.MonthKey(ChinaTime.ToDate(now)),
                    FollowUp = value == Satisfaction.Dissatisfied ? FollowUpState.Open : FollowUpState.None,
                });
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reply rated twice at once: the unique index kept the first.
            return "这件答复已经评价过，每件答复只能评价一次。";
        }

        return null;
    }

    /// <summary>已回访: the office records what it did about a 不满意.</summary>
    public async Task<bool> CloseFollowUpAsync(long ratingId, string? note, string actor, CancellationToken cancellationToken = default)
    {
        var text = LetterText.Clean(note, keepLines: true);
        if (text.Length is < 2 or > 1000)
        {
            throw new MailboxException("请填写回访情况（2 至 1000 字）。");
        }

        return await db.InTransactionAsync(async () =>
        {
            var rating = await db.Set<ReplyRatingRecord>().FirstOrDefaultAsync(r => r.Id == ratingId && r.FollowUp == FollowUpState.Open, cancellationToken);
            if (rating is null)
            {
                return false;
            }

            (rating.FollowUp, rating.FollowUpNote, rating.FollowUpBy, rating.FollowUpUtc) = (FollowUpState.Closed, text, actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, RatingLedgerActions.FollowedUp, SubjectPrefix + rating.SubjectNumber, null, null,
                $"{SatisfactionNames.Reply(rating.Reply)}不满意评价已回访", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Open 回访 (不满意 not yet followed up), oldest first.</summary>
    public async Task<IReadOnlyList<ReplyRatingRecord>> OpenFollowUpsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ReplyRatingRecord>().AsNoTracking().Where(r => r.FollowUp == FollowUpState.Open).OrderBy(r => r.RatedUtc).Take(200).ToListAsync(cancellationToken);

    private async Task<Satisfaction?> RatedAsync(RatedReply reply, long id, CancellationToken cancellationToken) =>
        await db.Set<ReplyRatingRecord>().AsNoTracking().Where(r => r.Reply == reply && r.SubjectId == id).Select(r => (Satisfaction?)r.Rating).FirstOrDefaultAsync(cancellationToken);

    private async Task<(string Number, string? Department, bool Answered)> SubjectAsync(RatedReply reply, long id, CancellationToken cancellationToken)
    {
        if (reply == RatedReply.Letter)
        {
            var letter = await db.Set<LetterRecord>().AsNoTracking().Where(l => l.Id == id).Select(l => new { l.Number, l.DepartmentCode, l.Stage }).FirstAsync(cancellationToken);
            return (letter.Number, letter.DepartmentCode, letter.Stage == LetterStage.Replied);
        }

        var request = await db.Set<InformationRequestRecord>().AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Number, r.DepartmentCode, r.ClosedOn }).FirstAsync(cancellationToken);
        return (request.Number, request.DepartmentCode, request.ClosedOn != null);
    }

    private (RatedReply Reply, long Id)? Open(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Protector().Unprotect(token).Split(':');
            return ((RatedReply)int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("Disclosure.Interaction.Ratings").ToTimeLimitedDataProtector();
}

/// <summary>The 台账 names of the office's rating actions.</summary>
public static class RatingLedgerActions
{
    public const string FollowedUp = "rating-followed-up";

    public static string? DisplayName(string action) => action == FollowedUp ? "不满意评价回访" : null;
}
