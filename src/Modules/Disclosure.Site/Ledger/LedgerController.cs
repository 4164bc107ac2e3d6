using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Ledger;

/// <summary>The 台账 heads published to everyone, and the public key that checks the office's signed exports of them.</summary>
public sealed record LedgerHeadsPage(IReadOnlyList<DailyHead> Heads, int Days, string PublicKeyPem);

/// <summary>
/// 台账链头公布: the last entry of each day (date, sequence, hash). Anyone who keeps a head can later have the office
/// prove, with <c>verify-ledger --head</c>, that the ledger still contains it: truncation cannot go unnoticed.
/// </summary>
public sealed class LedgerController(LedgerHeads heads, LedgerSigningKey signingKey) : Controller
{
    public const int Days = 90;

    [HttpGet("/ledger/heads")]
    public async Task<IActionResult> Heads(CancellationToken cancellationToken) =>
        View(new LedgerHeadsPage(await heads.DailyAsync(Days, cancellationToken), Days, signingKey.PublicKeyPem));
}
