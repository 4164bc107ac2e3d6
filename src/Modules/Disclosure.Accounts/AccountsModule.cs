using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Accounts;

/// <summary>Accounts and settings: staff accounts and sign-in, and the 站点设置 page.</summary>
public sealed class AccountsModule : IDisclosureModule
{
    /// <summary>用户: create, change, disable accounts and reset passwords — the 管理员.</summary>
    public const string UsersPolicy = "Users";

    /// <summary>站点设置: the office's identity and departments — the 管理员.</summary>
    public const string SettingsPolicy = "Settings";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin"];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<PasswordRule>();
        services.AddScoped<ILedgerSubjectResolver, AccountLedgerSubjects>();
        services.AddAdminPolicy(UsersPolicy, RoleNames.Administrator);
        services.AddAdminPolicy(SettingsPolicy, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("用户", "/admin/users", UsersPolicy, 90));
        services.AddSingleton(new AdminMenuEntry("站点设置", "/admin/settings", SettingsPolicy, 100));
    }
}
