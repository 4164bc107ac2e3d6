using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Disclosure.Core.ContentManagement;

/// <summary>The public id of a content item: stable, URL-safe, never reused.</summary>
public static partial class ContentItemIds
{
    public const string Rule = "只能包含小写字母、数字和连字符，长度 3 到 64 个字符，且以字母或数字开头。";

    public static bool IsValid(string id) => IdRegex().IsMatch(id);

    /// <summary>A new random id for items created in the admin or through the API (26 base-32 characters).</summary>
    public static string New()
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex IdRegex();
}
