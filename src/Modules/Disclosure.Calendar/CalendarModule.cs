using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Calendar;

/// <summary>工作日历 admin: the pages that keep the working-day calendar right (the calendar itself is the kernel's).</summary>
public sealed class CalendarModule : IDisclosureModule
{
    /// <summary>工作日历: the holiday calendar deadlines are counted on — the 管理员 and the 公开办.</summary>
    public const string AdminPolicy = "Calendar";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin"];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddAdminPolicy(AdminPolicy, RoleNames.Administrator, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("工作日历", "/admin/calendar", AdminPolicy, 50));
    }
}
