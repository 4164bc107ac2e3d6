using Disclosure.Admin;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Requests.Statistics;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Requests.Pages.Admin.Requests;

/// <summary>
/// The year's tables 三 and 四 exactly as the annual report will print them, with the 勾稽关系 checked. A user of an
/// agency sees that agency's own applications (what its report counts); an installation-level user sees every
/// agency's together by default and may pick one agency.
/// </summary>
[Authorize(Policy = RequestsModule.AdminPolicy)]
public sealed class StatisticsModel(RequestStatistics statistics, RequestQueries queries, AgencyDirectory agencies) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The agency counted; null = every agency of the installation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    /// <summary>The agencies an installation-level user may pick (empty for an agency's user).</summary>
    public IReadOnlyList<AgencyNode> Choices { get; private set; } = [];

    public string? AgencyName { get; private set; }

    public ApplicationTable Table { get; private set; } = null!;

    public AppealTable Appeals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = Year is >= 2000 and <= 2100 ? Year : queries.Today.Year;
        var tree = await agencies.TreeAsync(cancellationToken);
        IReadOnlyList<string> codes;
        if (User.ToActor().AgencyCode is { } own)
        {
            Agency = own;
            codes = [own];
        }
        else
        {
            Choices = tree.All().ToList();
            Agency = tree.Find(Agency) is null ? null : Agency;
            codes = Agency is null ? Choices.Select(c => c.Code).ToList() : [Agency];
        }

        AgencyName = tree.Find(Agency)?.Name;
        Table = await statistics.ApplicationTableAsync(codes, Year.Value, cancellationToken);
        Appeals = await statistics.AppealTableAsync(codes, Year.Value, cancellationToken);
    }
}
