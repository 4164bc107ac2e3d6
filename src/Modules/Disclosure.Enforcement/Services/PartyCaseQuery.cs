using System.Security.Cryptography;
using System.Text;
using Disclosure.Core.Security;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>One step of the timeline as a party sees it.</summary>
public sealed record PartyTimelineEvent(string Name, string DocumentName, string? DocumentNumber, string? Detail, DateOnly FormedOn);

/// <summary>
/// What a party learns from 警务公开查询: the case's number and kind, the 办案单位 and how to reach it, their rights
/// and the steps their role is told of — no one's name, no other party, no held-back step.
/// </summary>
public sealed record PartyCaseView(
    string CaseNumber,
    string KindName,
    string RoleName,
    string UnitName,
    string UnitContact,
    string Rights,
    IReadOnlyList<PartyTimelineEvent> Events);

/// <summary>
/// 警务公开查询: 案件编号 + the party's 查询码 + the last four characters of their ID number or phone. Every wrong
/// combination takes the same path — one indexed look-up by the code's hash, then the case number and both tails
/// compared in fixed time (against stand-ins when nothing was found) — and gives the same null, so the answer says
/// neither which part was wrong nor whether the case exists.
/// </summary>
public sealed class PartyCaseQuery(DisclosureDbContext db, CaseKindStore kinds, TimeProvider clock)
{
    private const string StandInHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task<PartyCaseView?> FindAsync(string? typedCaseNumber, string? typedCode, string? typedTail, CancellationToken cancellationToken = default)
    {
        var code = TrackingCode.Normalize(typedCode);
        var hash = code is null ? StandInHash : CaseRegistry.HashCode(code);
        var found = await (from p in db.Set<CasePartyRecord>().AsNoTracking()
                           join c in db.Set<EnforcementCaseRecord>().AsNoTracking() on p.CaseId equals c.Id
                           join contact in db.Set<CasePartyContactRecord>().AsNoTracking() on p.Id equals contact.PartyId
                           where p.QueryCodeHash == hash
                           select new { Party = p, Case = c, contact.IdNumber, contact.Phone }).SingleOrDefaultAsync(cancellationToken);

        var tail = CaseText.Tail(typedTail);
        var number = CaseText.NormalizeNumber(typedCaseNumber);
        var numberMatches = FixedEquals(number, found?.Case.Number ?? "stand-in-number");
        var idMatches = FixedEquals(tail, CaseText.Tail(found?.IdNumber ?? "stand-in-id"));
        var phoneMatches = FixedEquals(tail, CaseText.Tail(found?.Phone ?? "stand-in-phone"));
        if (found is null || code is null || tail.Length != CaseText.SecondFactorLength || !(numberMatches & (idMatches | phoneMatches)))
        {
            return null;
        }

        var kind = (await kinds.GetAsync(cancellationToken)).Find(found.Case.KindCode);
        var role = kind?.FindRole(found.Party.RoleCode);
        if (kind is null || role is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sees = role.Sees.ToList();
        var events = await db.Set<CaseEventRecord>().AsNoTracking()
            .Where(e => e.CaseId == found.Case.Id && e.VisibleUtc != null && e.VisibleUtc <= now && sees.Contains(e.TypeCode))
            .OrderBy(e => e.FormedOn).ThenBy(e => e.Id)
            .Select(e => new { e.TypeCode, e.DocumentName, e.DocumentNumber, e.Detail, e.FormedOn })
            .ToListAsync(cancellationToken);
        return new PartyCaseView(found.Case.Number, kind.Name, role.Name, found.Case.UnitName, found.Case.UnitContact, kind.Rights,
            events.Select(e => new PartyTimelineEvent(kind.FindEvent(e.TypeCode)?.Name ?? e.TypeCode, e.DocumentName, e.DocumentNumber, e.Detail, e.FormedOn)).ToList());
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
