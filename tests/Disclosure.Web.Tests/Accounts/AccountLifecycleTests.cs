using System.Net;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Accounts.Accounts;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Accounts;

/// <summary>
/// One account's life as the office lives it, on SQLite and PostgreSQL: created by the 管理员, its initial password
/// replaced at first sign-in, 姓名/department/roles edited, the password reset, the account disabled (its open
/// session ends) and enabled again — every step in the 台账.
/// </summary>
public sealed class AccountLifecycleTests
{
    private const string Initial = "Chushi-Mima-2026!";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_account_from_creation_to_disabling_with_every_step_in_the_ledger(DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.DemoAsync(engine);
        var admin = await SignedInAsync(site, "admin", AdminPassword);

        // The 管理员 creates the account; the form states the password rule.
        var usersPage = await admin.GetStringAsync("/admin/users");
        Assert.Contains("密码至少 10 位，须同时包含大写字母、小写字母、数字和符号", WebUtility.HtmlDecode(usersPage));
        var created = await admin.PostAsync("/admin/users", Form(usersPage,
            ("Input.UserName", "zhangsan"), ("Input.DisplayName", "张三"), ("Input.Password", Initial),
            ("Input.Department", "640121-103|zhzx"), ("Input.Roles", "Editor")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // First sign-in: every admin page sends them to change the password, which must really change.
        var zhang = await SignedInAsync(site, "zhangsan", Initial);
        foreach (var page in new[] { "/admin", "/admin/content", "/admin/content/new?type=Disclosure" })
        {
            var forced = await zhang.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
            Assert.Equal("/admin/account", forced.Headers.Location!.OriginalString);
        }

        var accountPage = await zhang.GetStringAsync("/admin/account");
        Assert.Contains("密码至少 10 位", WebUtility.HtmlDecode(accountPage));
        var same = await zhang.PostAsync("/admin/account", Form(accountPage, ("CurrentPassword", Initial), ("NewPassword", Initial), ("ConfirmPassword", Initial)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Contains("新密码不能与当前密码相同", await TextAsync(same));
        const string own = "Zhang-San-Own-77";
        var changed = await zhang.PostAsync("/admin/account", Form(accountPage, ("CurrentPassword", Initial), ("NewPassword", own), ("ConfirmPassword", own)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync("/admin")).StatusCode);
        Assert.Contains("张三（指挥中心）", await zhang.GetStringAsync("/admin"));

        // The 管理员 edits 姓名, department and roles; the change ends the user's session so the roles apply at once.
        var detailsPage = await admin.GetStringAsync("/admin/users/zhangsan");
        var edited = await admin.PostAsync("/admin/users/zhangsan", Form(detailsPage,
            ("Input.DisplayName", "张三丰"), ("Input.Department", "640121-103|xzdd"), ("Input.Roles", "Editor"), ("Input.Roles", "DepartmentReviewer")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.StartsWith("/admin/login", (await zhang.GetAsync("/admin")).Headers.Location!.PathAndQuery);
        zhang = await SignedInAsync(site, "zhangsan", own);
        Assert.Contains("张三丰（刑事侦查大队）", await zhang.GetStringAsync("/admin"));

        // Reset: a new password shown once; the old one and the open session stop working; the new one forces a change.
        detailsPage = await admin.GetStringAsync("/admin/users/zhangsan");
        var reset = await admin.PostAsync("/admin/users/zhangsan?handler=reset", Form(detailsPage));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(reset.Headers.CacheControl?.NoStore);
        var generated = GeneratedPassword(await reset.Content.ReadAsStringAsync());
        Assert.DoesNotContain(generated, await admin.GetStringAsync("/admin/users/zhangsan"));
        Assert.StartsWith("/admin/login", (await zhang.GetAsync("/admin")).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(site), "zhangsan", own)).StatusCode);
        zhang = await SignedInAsync(site, "zhangsan", generated);
        Assert.Equal("/admin/account", (await zhang.GetAsync("/admin")).Headers.Location!.OriginalString);
        accountPage = await zhang.GetStringAsync("/admin/account");
        const string second = "Zhang-San-New-88";
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.PostAsync("/admin/account", Form(accountPage, ("CurrentPassword", generated), ("NewPassword", second), ("ConfirmPassword", second)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync("/admin")).StatusCode);

        // Disable: the open session ends at its next request and signing in gives the common answer; enable restores it.
        detailsPage = await admin.GetStringAsync("/admin/users/zhangsan");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/users/zhangsan?handler=disable", Form(detailsPage))).StatusCode);
        var afterDisable = await zhang.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/admin/login", afterDisable.Headers.Location!.PathAndQuery);
        var refused = await SignInAsync(Client(site), "zhangsan", second);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(Disclosure.Accounts.AccountSignIn.FailureMessage, LoginError(await refused.Content.ReadAsStringAsync()));
        detailsPage = await admin.GetStringAsync("/admin/users/zhangsan");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/users/zhangsan?handler=enable", Form(detailsPage))).StatusCode);
        zhang = await SignedInAsync(site, "zhangsan", second);
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync("/admin")).StatusCode);

        // Every step is in the 台账, in order, and no password is.
        using var scope = site.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.AsNoTracking()
            .Where(e => e.ContentItemId == AccountLedgerActions.Subject("zhangsan")).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            [
                ("admin", AccountLedgerActions.Created), ("zhangsan", AccountLedgerActions.PasswordChanged), ("admin", AccountLedgerActions.Updated),
                ("admin", AccountLedgerActions.PasswordReset), ("zhangsan", AccountLedgerActions.PasswordChanged),
                ("admin", AccountLedgerActions.Disabled), ("admin", AccountLedgerActions.Enabled),
            ],
            entries.Select(e => (e.Actor, e.Action)));
        Assert.Contains("姓名 张三 → 张三丰", entries[2].Detail);
        Assert.Contains("部门 指挥中心 → 刑事侦查大队", entries[2].Detail);
        Assert.Contains("增加角色 初审人", entries[2].Detail);
        Assert.All(entries, e => Assert.DoesNotContain(Initial, e.Detail ?? string.Empty));
        Assert.All(entries, e => Assert.DoesNotContain(generated, e.Detail ?? string.Empty));
    }
}
