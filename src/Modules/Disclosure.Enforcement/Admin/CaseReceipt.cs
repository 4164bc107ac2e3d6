using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;

namespace Disclosure.Enforcement.Admin;

/// <summary>
/// One party's 回执 (受案回执 / 查询告知): the case, the party's role, the 查询码 issued just now (shown this once), where
/// and how to query, the 5-working-day promise and the kind's rights text. <see cref="PartyName"/> is printed only
/// when staff have just typed it (at registration); a reissued code's 回执 names the role alone, so reissuing reads no
/// personal data.
/// </summary>
public sealed record CaseReceipt(
    string Title,
    string CaseNumber,
    string KindName,
    string UnitName,
    string UnitContact,
    DateOnly AcceptedOn,
    string? PartyName,
    string RoleName,
    string Code,
    string QueryUrl,
    string Rights,
    DateOnly IssuedOn)
{
    public const string Registered = "受案回执（查询告知）";
    public const string Reissued = "查询告知（重新生成查询码）";

    /// <summary>The public query page, on the host staff reached this page by.</summary>
    public const string QueryPath = "/enforcement/query";

    public static CaseReceipt For(string title, EnforcementCaseRecord found, CaseKindDefinition kind, string? partyName, IssuedQueryCode code, string queryUrl, DateOnly issuedOn) =>
        new(title, found.Number, kind.Name, found.UnitName, found.UnitContact, found.AcceptedOn, partyName, code.RoleName, code.Code, queryUrl, kind.Rights, issuedOn);
}
