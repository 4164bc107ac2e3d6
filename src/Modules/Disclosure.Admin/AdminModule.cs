using Disclosure.Admin.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Admin;

/// <summary>
/// The admin shell: its layout and menu, the access policies of the parts not yet in their own module, the lists admin
/// forms pick from, the directory every admin page names people by, and the 信息发布台账 page (each module names its
/// own 台账 actions and subjects, so the page knows no module).
/// </summary>
public sealed class AdminModule : IDisclosureModule
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AdminLookups>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<LedgerSubjects>();
        services.AddScoped<LedgerQuery>();
        services.AddOptions<AuthorizationOptions>().Configure(AdminPolicies.Configure);
        services.AddSingleton(new AdminMenuEntry("发布台账", "/admin/ledger", AdminPolicies.Ledger, 20));
    }
}
