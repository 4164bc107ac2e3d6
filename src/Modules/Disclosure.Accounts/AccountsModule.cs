using Disclosure.Accounts.Agencies;
using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Accounts;

/// <summary>Accounts and settings: staff accounts and sign-in, and the 站点设置 page.</summary>
public sealed class AccountsModule : IDisclosureModule
{
    /// <summary>用户: create, change, disable accounts and reset passwords — the 管理员.</summary>
    public const string UsersPolicy = "Users";

    /// <summary>站点设置: the office's identity and departments — the 管理员.</summary>
    public const string SettingsPolicy = "Settings";

    /// <summary>机构: the agency tree, departments and identity overrides — the 管理员 (a subtree's 管理员 sees only theirs).</summary>
    public const string AgenciesPolicy = "Agencies";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin"];

    public void ConfigureServices(IServiceCollection services)
    {
        AddIdentity(services);
        services.AddScoped<AccountService>();
        services.AddScoped<AgencyMemberships>();
        services.AddScoped<AccountQuery>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<PasswordRule>();
        services.AddScoped<ILedgerSubjectResolver, AccountLedgerSubjects>();
        services.AddAdminPolicy(UsersPolicy, RoleNames.Administrator);
        services.AddAdminPolicy(SettingsPolicy, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("用户", "/admin/users", UsersPolicy, 90));
        services.AddSingleton(new AdminMenuEntry("站点设置", "/admin/settings", SettingsPolicy, 100));
        services.AddAdminPolicy(AgenciesPolicy, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("机构", AgencyPaths.Index, AgenciesPolicy, 95));
        services.AddScoped<ILedgerSubjectResolver, AgencyLedgerSubjects>();
    }

    /// <summary>The agency tree, <c>/api/v1/agencies</c>.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAgencyApi();

    /// <summary>
    /// ASP.NET Core Identity over the kernel's user and role tables, and the admin's sign-in cookie. Registering it costs
    /// nothing where no one signs in (tools, benches, storage tests): the cookie handler and data protection do work
    /// only when a request is authenticated.
    /// </summary>
    private static void AddIdentity(IServiceCollection services)
    {
        services
            .AddIdentityCore<DisclosureUser>(options =>
            {
                // Security decision: at least 10 characters with a symbol (PasswordRule states it on every password form).
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = true;
                // Security decision: 5 wrong passwords lock the account for 15 minutes, new accounts included.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<DisclosureRole>()
            .AddEntityFrameworkStores<DisclosureDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DisclosureClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/admin/login";
            options.LogoutPath = "/admin/logout";
            options.AccessDeniedPath = "/admin/denied";
            options.Cookie.Name = "disclosure.admin";
            // Security decision: no script reads the cookie, and no other site's request carries it.
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the site is served over HTTPS (always, in production); plain HTTP only on a developer's machine.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Security decision: a working day's session, renewed while in use.
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Checked against the account on every request, so disabling it or resetting its password ends the session at once.
            options.Events.OnValidatePrincipal = AccountSessions.ValidateAsync;
        });
        services.AddAuthorization();
    }
}
