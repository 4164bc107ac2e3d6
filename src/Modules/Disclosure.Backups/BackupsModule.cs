using Disclosure.Admin;
using Disclosure.Backups.Services;
using Disclosure.Core.Security;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Backups;

/// <summary>备份与恢复: the archive, the backup and restore services behind the commands, the daily backup and its dashboard notice.</summary>
public sealed class BackupsModule : IDisclosureModule
{
    /// <summary>Who sees the backup notice on the dashboard: the 管理员, who runs the installation.</summary>
    public const string AdminPolicy = "Backups";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin"];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.SectionName, b => b.ErrorOnUnknownConfiguration = true)
            .Validate(o => o.DailyTime is not null, "Backup:Schedule 应为每天的时刻（北京时间），格式 HH:mm，例如 02:30。")
            .Validate(o => o.Keep >= 1, "Backup:Keep 应至少为 1。")
            .ValidateOnStart();
        services.AddScoped<BackupService>();
        services.AddScoped<RestoreService>();
        services.AddScoped<BackupRunLog>();
        services.AddHostedService<ScheduledBackup>();
        services.AddAdminPolicy(AdminPolicy, RoleNames.Administrator);
    }
}
