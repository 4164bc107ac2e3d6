using Disclosure.Backups.Data;
using Disclosure.Backups.Services;
using Disclosure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Backups;

/// <summary>The 工作台 tells the 管理员 when the last good backup was, and warns when there is none for 48 hours or the latest failed.</summary>
public sealed class BackupDashboardTests
{
    [Fact]
    public async Task The_dashboard_shows_the_last_backup_and_warns_when_it_is_missing_old_or_failed()
    {
        await using var site = new DisclosureSite(null, DisclosureSite.SetupOnly());
        await Staff.EnsureAsync(site.Services);
        var admin = await Staff.SignedInAsync(site, "sysadmin");
        var office = await Staff.SignedInAsync(site, "office");

        var none = await admin.GetStringAsync("/admin");
        Assert.Contains("id=\"backup-warning\"", none, StringComparison.Ordinal);
        Assert.Contains("还没有成功的备份", none, StringComparison.Ordinal);
        Assert.DoesNotContain("backup-", await office.GetStringAsync("/admin"), StringComparison.Ordinal);

        // A real backup through the site's own services, recorded as the command records it.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<BackupService>().CreateAsync(BackupTestSupport.NewFolder(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<BackupRunLog>().RecordAsync(DateTime.UtcNow, result, null, CancellationToken.None);
        }

        var good = await admin.GetStringAsync("/admin");
        Assert.DoesNotContain("backup-warning", good, StringComparison.Ordinal);
        Assert.Contains("id=\"backup-status\"", good, StringComparison.Ordinal);
        Assert.Contains("最近一次成功备份", good, StringComparison.Ordinal);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackupRunLog>().RecordAsync(DateTime.UtcNow, null, "磁盘空间不足", CancellationToken.None);
        }

        var failed = await admin.GetStringAsync("/admin");
        Assert.Contains("id=\"backup-warning\"", failed, StringComparison.Ordinal);
        Assert.Contains("失败：磁盘空间不足", failed, StringComparison.Ordinal);
        Assert.Contains("最近一次成功备份", failed, StringComparison.Ordinal);

        // Only old successes: 49 hours since the last good one, and nothing failed since.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            db.Set<BackupRun>().RemoveRange(db.Set<BackupRun>());
            var old = DateTime.UtcNow.AddHours(-49);
            db.Add(new BackupRun { Node = "node-1", StartedUtc = old.AddMinutes(-5), FinishedUtc = old, Succeeded = true, ArchiveName = "disclosure-backup-old.tar", SizeBytes = 1 });
            await db.SaveChangesAsync();
        }

        var stale = await admin.GetStringAsync("/admin");
        Assert.Contains("已超过 48 小时没有成功的备份", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("失败", stale, StringComparison.Ordinal);
    }
}
