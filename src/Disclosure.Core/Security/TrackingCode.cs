using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Core.Security;

/// <summary>
/// 查询码: what a member of the public types to follow their own matter — an application (依申请公开) or a case they are a
/// party to (执法公开). 12 characters from Crockford's base32 (no I, L, O, U)
/// drawn from a cryptographic generator — 60 bits, so guessing one is hopeless even before the rate limit and the
/// second factor (phone or ID number) — shown in groups of four: <c>K7QM-3XPD-9RTA</c>. Reading it back forgives
/// lower case, spaces, dashes and the look-alikes O→0, I/L→1.
/// </summary>
public static class TrackingCode
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>XXXX-XXXX-XXXX, as printed on the receipt.</summary>
    public static string Format(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>The stored form of what was typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in typed.Normalize(NormalizationForm.FormKC))
        {
            var c = char.ToUpperInvariant(raw);
            if (c is ' ' or '-' or '－' or '—')
            {
                continue;
            }

            c = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }
}
