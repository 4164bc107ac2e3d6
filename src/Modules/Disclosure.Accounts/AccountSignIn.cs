using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Disclosure.Accounts;

/// <summary>
/// Password sign-in that gives an unknown user, a wrong password, a locked and a disabled account the same answer,
/// after the same work: every path verifies one password hash, so neither the message nor the time taken tells
/// someone guessing which accounts exist or are locked. A lock-out is recorded in the 台账 with the failed attempt.
/// </summary>
public sealed class AccountSignIn(
    DisclosureDbContext db,
    UserManager<DisclosureUser> users,
    SignInManager<DisclosureUser> signIn,
    LedgerWriter ledger)
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string FailureMessage = "用户名或密码不正确，或账号暂不可用。连续多次输错密码的账号将被暂时锁定，请稍后再试或联系管理员。";

    /// <summary>A hash of a random password, verified when there is no real one to verify so every path costs the same.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<DisclosureUser>().HashPassword(new DisclosureUser(), PasswordRule.Generate()));

    /// <summary>Signs the user in (a cookie) and returns true, or returns false for every kind of failure alike.</summary>
    public async Task<bool> PasswordSignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.DisabledUtc is not null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new DisclosureUser(), DecoyHash.Value, password);
            return false;
        }

        var result = await db.InTransactionAsync(async () =>
        {
            var checkedResult = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (checkedResult.IsLockedOut)
            {
                // This attempt locked the account (it was not locked above): the lock-out and its record commit together.
                var minutes = (int)Math.Round(signIn.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
                await ledger.AppendAsync("system", AccountLedgerActions.LockedOut, AccountLedgerActions.Subject(user.UserName!), null, null,
                    $"连续 {signIn.Options.Lockout.MaxFailedAccessAttempts} 次密码错误，锁定 {minutes} 分钟", cancellationToken);
            }

            return checkedResult;
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return false;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return true;
    }
}
