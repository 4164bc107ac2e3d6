using System.Security.Claims;
using Disclosure.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Accounts;

/// <summary>
/// Checks the admin session against its account on every request, not every 30 minutes as Identity's own stamp
/// validator does: a disabled account, a reset password or changed roles end the session at the very next request.
/// One primary-key read per signed-in request; anonymous requests cost nothing.
/// </summary>
public static class AccountSessions
{
    /// <summary>The admin page every other admin page sends a user to while their password must be changed.</summary>
    public const string ChangePasswordPath = "/admin/account";

    private const string MustChangePasswordItem = "disclosure:must-change-password";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var account = id is null
            ? null
            : await services.GetRequiredService<DisclosureDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.DisabledUtc, u.MustChangePassword })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.DisabledUtc is not null || account.SecurityStamp != principal!.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (account.MustChangePassword)
        {
            context.HttpContext.Items[MustChangePasswordItem] = true;
        }
    }

    /// <summary>
    /// While the account holds a password someone else knows (generated at first start, set or reset by the 管理员),
    /// every admin request goes to the change-password page; signing out stays possible.
    /// </summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.Items.ContainsKey(MustChangePasswordItem)
            && path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments(ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/admin/logout", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/admin/login", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(ChangePasswordPath);
            return;
        }

        await next(context);
    });
}
