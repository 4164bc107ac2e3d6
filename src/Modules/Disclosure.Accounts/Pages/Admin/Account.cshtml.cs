using Disclosure.Admin;
using Disclosure.Storage.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin;

/// <summary>我的账号: every user changes their own password here, and must before anything else while it is one someone else set.</summary>
public sealed class AccountModel(
    AccountService accounts,
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

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
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
