using System.Security.Cryptography;
using System.Text;
using Disclosure.Core.Security;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>What an applicant learns from the status query: the stage and the deadline, nothing else.</summary>
public sealed record PublicRequestStatus(string TrackingCode, RequestStage Stage, DateOnly? Due, bool Provisional, DateOnly? ClosedOn)
{
    /// <summary>The application's key, for the reply documents of 在线查看 (<see cref="OnlineReplyDocuments"/>); never shown.</summary>
    public long RequestId { get; init; }
}

/// <summary>
/// 申请进度查询: tracking code plus the phone number or ID number given in the application. A wrong code, a wrong
/// second factor and both wrong take the same path — one indexed look-up, then both stored values compared by
/// fixed-time hash comparison (against stand-ins when there is no such code) — and give the same null, so the
/// answer reveals neither which part was wrong nor whether the code exists.
/// </summary>
public sealed class RequestStatusQuery(DisclosureDbContext db, RequestQueries queries)
{
    private const string StandInCode = "000000000000";

    public async Task<PublicRequestStatus?> FindAsync(string? typedCode, string? typedSecondFactor, CancellationToken cancellationToken = default)
    {
        var code = TrackingCode.Normalize(typedCode);
        var secondFactor = NormalizeFactor(typedSecondFactor);
        var found = await (from r in db.Set<InformationRequestRecord>().AsNoTracking().Include(r => r.Consultations)
                           join a in db.Set<RequestApplicantRecord>().AsNoTracking() on r.Id equals a.RequestId
                           where r.TrackingCode == (code ?? StandInCode)
                           select new { Request = r, a.Phone, a.IdNumber }).SingleOrDefaultAsync(cancellationToken);

        var typed = Hash(secondFactor);
        var phoneMatches = CryptographicOperations.FixedTimeEquals(typed, Hash(NormalizeFactor(found?.Phone ?? "stand-in-phone")));
        var idMatches = CryptographicOperations.FixedTimeEquals(typed, Hash(NormalizeFactor(found?.IdNumber ?? "stand-in-id")));
        if (found is null || secondFactor.Length == 0 || !(phoneMatches | idMatches))
        {
            return null;
        }

        var deadline = await queries.DeadlineAsync(found.Request, cancellationToken);
        return new PublicRequestStatus(found.Request.TrackingCode, found.Request.Stage, deadline.Due, deadline.Provisional, found.Request.ClosedOn)
        {
            RequestId = found.Request.Id,
        };
    }

    /// <summary>Spaces, dashes and +86 dropped, full-width folded, letters upper-cased: 138 0000 0000 matches 13800000000.</summary>
    public static string NormalizeFactor(string? typed)
    {
        var builder = new StringBuilder();
        foreach (var c in (typed ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        var text = builder.ToString();
        return text.StartsWith("86", StringComparison.Ordinal) && text.Length == 13 ? text[2..] : text;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
