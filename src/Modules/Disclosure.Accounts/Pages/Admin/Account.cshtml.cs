using Disclosure.Admin;
using Disclosure.Storage.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin;

/// <summary>
/// 我的账号: every user changes their own password here, and must before anything else while it is one someone else
/// set; a user with roles in several agencies picks the one they act for (当前机构).
/// </summary>
public sealed class AccountModel(
    AccountService accounts,
    AgencyMemberships memberships,
    UserManager<DisclosureUser> users,
    SignInManager<DisclosureUser> signIn) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool MustChange { get; private set; }

    /// <summary>The agencies the user may act for when there is more than one; empty otherwise.</summary>
    public IReadOnlyList<AgencyPlace> Places { get; private set; } = [];

    /// <summary>The agency the session acts for now.</summary>
    public string? ActingAgencyCode => User.ToActor().AgencyCode;

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        await LoadPlacesAsync(user, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>切换当前机构: the session is signed in again with the chosen agency's roles.</summary>
    public async Task<IActionResult> OnPostActAsync(string? agency, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        try
        {
            await memberships.ActForAsync(user.UserName!, agency, cancellationToken);
            await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id))!);
            TempData["Message"] = "已切换当前机构。";
            // The page the user came from may be the other agency's record, so the switch lands on the dashboard.
            return Redirect("/admin");
        }
        catch (AccountException e)
        {
            Errors.Add(e.Message);
            MustChange = user.MustChangePassword;
            await LoadPlacesAsync(user, cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task LoadPlacesAsync(DisclosureUser user, CancellationToken cancellationToken)
    {
        var places = await memberships.PlacesOfAsync(user, cancellationToken);
        Places = places.Count > 1 ? places : [];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        await LoadPlacesAsync(user, cancellationToken);
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            Errors.Add("请填写当前密码。");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add("请填写新密码。");
        }
        else if (NewPassword != ConfirmPassword)
        {
            Errors.Add("两次输入的新密码不一致。");
        }

        if (Errors.Count == 0)
        {
            try
            {
                await accounts.ChangeOwnPasswordAsync(user.UserName!, CurrentPassword!, NewPassword!, cancellationToken);
                // The password change gave the account a new security stamp; this session gets a cookie carrying it,
                // while every other session of the account ends.
                await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id))!);
                TempData["Message"] = "密码已修改。";
                return Redirect("/admin");
            }
            catch (AccountException e)
            {
                Errors.Add(e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
