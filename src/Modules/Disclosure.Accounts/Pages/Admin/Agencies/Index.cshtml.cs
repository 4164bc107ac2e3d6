using Disclosure.Accounts.Agencies;
using Disclosure.Admin;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin.Agencies;

/// <summary>
/// 机构: the agencies the 管理员 manages as a tree (all of them, or their own agency and below), and a form to add
/// one under a managed parent. The scope is the service's; this page only shows it.
/// </summary>
[Authorize(Policy = AccountsModule.AgenciesPolicy)]
public sealed class IndexModel(AgencyService agencies) : PageModel
{
    [BindProperty]
    public AgencyForm Form { get; set; } = new();

    public AgencyManagementScope Scope { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? parent, CancellationToken cancellationToken)
    {
        Scope = await agencies.ScopeAsync(User.ToActor(), cancellationToken);
        Form.ParentCode = parent ?? Scope.Root;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var code = await agencies.CreateAsync(Form.ToInput(), User.ToActor(), cancellationToken);
            TempData["Message"] = $"已新建机构“{Form.Name?.Trim()}”。";
            return Redirect(AgencyPaths.Details(code));
        }
        catch (SiteSettingsException ex)
        {
            Errors = ex.Errors;
            Scope = await agencies.ScopeAsync(User.ToActor(), cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }
}
