using System.Globalization;
using System.Security.Claims;
using Disclosure.Admin;
using Disclosure.Core.Time;
using Disclosure.Storage.Agencies;

namespace Disclosure.AnnualReports.Admin;

/// <summary>
/// Which parent agency and year the roll-up and 完成情况 pages show, and which agencies the user may pick: an agency's
/// user sees its own agency and those below it (上级 looks down, never across or up); an installation-level user any
/// agency. Defaults: the user's agency (else the installation's own) and the year whose report is now due.
/// </summary>
public sealed record SubtreeScope(AgencyNode Agency, int Year, IReadOnlyList<AgencyNode> Choices)
{
    /// <summary>The scope asked for, or null when the agency is unknown or outside what the user may see.</summary>
    public static async Task<SubtreeScope?> ResolveAsync(ClaimsPrincipal user, AgencyDirectory agencies, TimeProvider clock, string? agency, string? year, CancellationToken cancellationToken)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        var own = user.ToActor().AgencyCode;
        var choices = own is null ? tree.All().ToList()
            : tree.Find(own) is { } ownNode ? tree.SubtreeCodes(ownNode.Code).Select(c => tree.Find(c)!).ToList()
            : [];
        var code = string.IsNullOrWhiteSpace(agency) ? own ?? await agencies.DefaultCodeAsync(cancellationToken) : agency.Trim();
        if (choices.FirstOrDefault(c => c.Code == code) is not { } node)
        {
            return null;
        }

        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var reportYear = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100
            ? y
            : today.Month == 12 ? today.Year : today.Year - 1;
        return new SubtreeScope(node, reportYear, choices);
    }
}
