using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Disclosure.Core.Time;

namespace Disclosure.Storage.Ledger;

/// <summary>
/// The daily 台账 heads as a signed JSON file an outsider can keep and check. The signed bytes are the UTF-8 of the
/// <c>payload</c> string exactly as it stands, so checking needs no JSON canonicalisation:
/// <c>jq -j .payload f.json &gt; p.json; jq -r .signature f.json | base64 -d &gt; s.der;
/// openssl dgst -sha256 -verify public.pem -signature s.der p.json</c>.
/// </summary>
public sealed class SignedHeadsExport(LedgerHeads heads, LedgerSigningKey key, TimeProvider clock)
{
    public const string Format = "disclosure-ledger-heads/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public async Task<byte[]> CreateAsync(CancellationToken cancellationToken)
    {
        var daily = await heads.DailyAsync(null, cancellationToken);
        var payload = JsonSerializer.Serialize(new HeadsPayload(
            DateText.Utc(clock.GetUtcNow().UtcDateTime),
            daily.Select(h => new HeadRow(DateText.Date(h.Date), h.Sequence, h.Hash)).ToList()), Json);
        var signature = key.Sign(Encoding.UTF8.GetBytes(payload));
        var document = new SignedDocument(Format, LedgerSigningKey.Algorithm, payload, Convert.ToBase64String(signature), key.PublicKeyPem);
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }

    private sealed record HeadsPayload(string GeneratedAt, IReadOnlyList<HeadRow> Heads);

    private sealed record HeadRow(string Date, long Sequence, string Hash);

    private sealed record SignedDocument(string Format, string Algorithm, string Payload, string Signature, string PublicKey);
}
