using Disclosure.Admin;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Requests.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Requests.Pages.Admin.Requests;

/// <summary>The year's tables 三 and 四 exactly as the annual report will print them, with the 勾稽关系 checked.</summary>
[Authorize(Policy = RequestsModule.AdminPolicy)]
public sealed class StatisticsModel(RequestStatistics statistics, RequestQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ApplicationTable Table { get; private set; } = null!;

    public AppealTable Appeals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = Year is >= 2000 and <= 2100 ? Year : queries.Today.Year;
        Table = await statistics.ApplicationTableAsync(Year.Value, cancellationToken);
        Appeals = await statistics.AppealTableAsync(Year.Value, cancellationToken);
    }
}
