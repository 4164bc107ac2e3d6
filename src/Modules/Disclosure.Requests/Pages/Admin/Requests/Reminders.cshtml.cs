using Disclosure.Admin;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Requests.Pages.Admin.Requests;

/// <summary>催办提醒: open applications with 5 or fewer working days left, or past their deadline.</summary>
[Authorize(Policy = RequestsModule.AdminPolicy)]
public sealed class RemindersModel(RequestQueries queries, AdminLookups lookups) : PageModel
{
    public IReadOnlyList<RequestRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Departments { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await queries.RemindersAsync(User.ToActor(), cancellationToken);
        Departments = await lookups.DepartmentNamesAsync(cancellationToken);
    }
}
