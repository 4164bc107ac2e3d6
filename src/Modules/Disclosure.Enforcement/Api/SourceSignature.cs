using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Enforcement.Api;

/// <summary>
/// How a case-handling system signs its calls: <c>X-Disclosure-Source</c> (its configured name),
/// <c>X-Disclosure-Timestamp</c> (unix seconds, within <see cref="Window"/> of the site's clock) and
/// <c>X-Disclosure-Signature: sha256=&lt;hex HMAC-SHA256(key, timestamp + "\n" + raw body)&gt;</c>. The timestamp bounds
/// how long a captured call can be replayed; a replay within it changes nothing, since events are idempotent by
/// their source's id and a case is registered once.
/// </summary>
public static class SourceSignature
{
    public const string SourceHeader = "X-Disclosure-Source";
    public const string TimestampHeader = "X-Disclosure-Timestamp";
    public const string SignatureHeader = "X-Disclosure-Signature";

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    /// <summary>The signature header's value for a body (what a source system computes; the tests use it too).</summary>
    public static string Sign(byte[] key, string timestamp, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(Mac(key, timestamp, body));

    /// <summary>Checks the headers and body; returns the source's name, or null with the zh-CN reason.</summary>
    public static (string? Source, string? Refusal) Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, EnforcementOptions options, DateTimeOffset now)
    {
        string? name = headers[SourceHeader];
        string? timestamp = headers[TimestampHeader];
        string? signature = headers[SignatureHeader];
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return (null, $"缺少签名：请求须带 {SourceHeader}、{TimestampHeader} 和 {SignatureHeader} 请求头。");
        }

        var source = options.FindSource(name);
        if (source is null)
        {
            return (null, $"来源“{name}”未配置（Enforcement:Sources）。");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return (null, $"时间戳无效或与服务器时间相差超过 {Window.TotalSeconds:0} 秒，请校准来源系统的时钟后重新签名。");
        }

        const string prefix = "sha256=";
        byte[] given;
        try
        {
            given = signature.StartsWith(prefix, StringComparison.Ordinal) ? Convert.FromHexString(signature.AsSpan(prefix.Length)) : [];
        }
        catch (FormatException)
        {
            given = [];
        }

        var expected = Mac(source.KeyBytes(), timestamp, body);
        // Fixed-time: how much of a guess matched must not show in how long the refusal took.
        return CryptographicOperations.FixedTimeEquals(expected, given) ? (source.Name, null) : (null, "签名不符：请用该来源的密钥对“时间戳 + 换行 + 请求正文”计算 HMAC-SHA256。");
    }

    private static byte[] Mac(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "\n"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
