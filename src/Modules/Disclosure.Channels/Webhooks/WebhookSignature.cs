using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// The webhook signature: HMAC-SHA256 with the endpoint's secret over <c>{timestamp}.{body}</c>, sent as
/// <c>X-Disclosure-Signature: sha256={hex}</c> beside <c>X-Disclosure-Timestamp: {unix seconds}</c>. Signing the
/// timestamp too lets a receiver refuse an old request replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Disclosure-Timestamp";
    public const string SignatureHeader = "X-Disclosure-Signature";
    public const string IdempotencyKeyHeader = "X-Disclosure-Idempotency-Key";
    public const string EventHeader = "X-Disclosure-Event";

    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed, written + 1);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute, compare in constant time, and refuse stale timestamps.</summary>
    public static bool Verify(string secret, string? timestamp, string? signature, byte[] body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is null || signature is null || !long.TryParse(timestamp, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
