using System.Security.Cryptography;
using System.Text;
using Disclosure.Core.Calendar;
using Disclosure.Core.Security;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Mailbox;

/// <summary>What a writer learns with their 查询码 and phone: the stage, the due date and, once sent, the reply.</summary>
public sealed record LetterStatus(long LetterId, string Number, string TrackingCode, LetterKind Kind, string Subject, DateOnly ReceivedOn,
    LetterStage Stage, DateOnly Due, bool Provisional, string? Reply, string? ReplyUnit, DateOnly? RepliedOn, bool Published);

/// <summary>
/// 来信查询: the 查询码 plus the phone number given in the letter. A wrong code, a wrong phone and both wrong take the
/// same path — one indexed look-up, then a fixed-time comparison (against a stand-in when there is no such code) —
/// and give the same null, so the answer reveals neither which part was wrong nor whether the code exists.
/// </summary>
public sealed class LetterStatusQuery(DisclosureDbContext db, IWorkingDayCalendarSource calendars, IOptions<MailboxOptions> options)
{
    private const string StandInCode = "000000000000";

    public async Task<LetterStatus?> FindAsync(string? typedCode, string? typedPhone, CancellationToken cancellationToken = default)
    {
        var code = TrackingCode.Normalize(typedCode);
        var phone = RequestStatusQuery.NormalizeFactor(typedPhone);
        var found = await (from l in db.Set<LetterRecord>().AsNoTracking()
                           join w in db.Set<LetterWriterRecord>().AsNoTracking() on l.Id equals w.LetterId
                           where l.TrackingCode == (code ?? StandInCode)
                           select new { Letter = l, w.Phone }).SingleOrDefaultAsync(cancellationToken);
        var matches = CryptographicOperations.FixedTimeEquals(Hash(phone), Hash(RequestStatusQuery.NormalizeFactor(found?.Phone ?? "stand-in-phone")));
        if (found is null || phone.Length == 0 || !matches)
        {
            return null;
        }

        var letter = found.Letter;
        var due = LetterClock.Due(await calendars.GetCalendarAsync(letter.AgencyCode, cancellationToken), letter.ReceivedOn, options.Value.LimitFor(letter.Kind), letter.ExtensionWorkingDays);
        var replied = letter.Stage == LetterStage.Replied;
        return new LetterStatus(letter.Id, letter.Number, letter.TrackingCode, letter.Kind, letter.Subject, letter.ReceivedOn, letter.Stage, due.Value, due.IsProvisional,
            replied ? letter.Reply : null, replied ? letter.ReplyUnit : null, letter.RepliedOn, letter.PublishedUtc is not null);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
