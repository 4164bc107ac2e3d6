using Disclosure.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin;

public sealed class LoginModel(AccountSignIn signIn) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        if (await signIn.PasswordSignInAsync(UserName.Trim(), Password, cancellationToken))
        {
            // A user who must change their password is sent on to that page by every admin page, this one included.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }

        // Unknown user, wrong password, locked or disabled account: one answer for all (see AccountSignIn).
        Error = AccountSignIn.FailureMessage;
        return Page();
    }
}
