using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Disclosure.ApiClients;

/// <summary>
/// The write API's optimistic concurrency, one way for every resource a client changes: a record's version number is
/// its strong ETag <c>"v{n}"</c>, and <c>If-Match</c> (RFC 9110 §13.1.1) names the versions a change may apply to —
/// <c>*</c> for any, several separated by commas, a weak <c>W/"v3"</c> read as <c>"v3"</c>.
/// </summary>
public static class VersionETags
{
    public static string For(int version) => $"\"v{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Writes the ETag of <paramref name="version"/> on the answer.</summary>
    public static void Set(HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>
    /// The versions <paramref name="ifMatch"/> names; null for <c>*</c> (any version). Tags that are not this API's
    /// name no version, so a change under them is refused with 412 rather than applied blindly.
    /// </summary>
    public static IReadOnlySet<int>? Versions(string ifMatch)
    {
        var versions = new HashSet<int>();
        foreach (var tag in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag == "*")
            {
                return null;
            }

            var opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (opaque.Length > 3 && opaque.StartsWith("\"v", StringComparison.Ordinal) && opaque.EndsWith('"')
                && int.TryParse(opaque.AsSpan(2, opaque.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    /// <summary>Whether <paramref name="ifMatch"/> admits <paramref name="version"/>.</summary>
    public static bool Admits(string ifMatch, int version) => Versions(ifMatch) is not { } versions || versions.Contains(version);
}
