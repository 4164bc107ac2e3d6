using Disclosure.Backups;
using Disclosure.Backups.Archive;
using Disclosure.Backups.Data;
using Disclosure.Backups.Services;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Tests.Backups;

/// <summary>The daily backup: which slot is due, one node per slot over a shared database, the run recorded, old archives pruned.</summary>
public sealed class ScheduledBackupTests
{
    [Theory]
    [InlineData("2026-12-04T18:29:00Z", "2026-12-04 02:30")] // 02:29 China time: still yesterday's slot
    [InlineData("2026-12-04T18:30:00Z", "2026-12-05 02:30")] // 02:30 China time: today's
    [InlineData("2026-12-05T15:59:00Z", "2026-12-05 02:30")] // 23:59 China time
    public void The_due_slot_is_the_latest_schedule_time_passed_in_china_time(string utc, string slot)
    {
        var now = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(slot, ScheduledBackup.LatestSlot(now, new TimeOnly(2, 30)).Slot);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_nodes_due_at_once_run_the_day_s_backup_once_and_keep_the_newest_archives(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var folder = BackupTestSupport.NewFolder();
        Directory.CreateDirectory(folder);
        foreach (var old in new[] { "20261101-023000-000", "20261102-023000-000", "20261103-023000-000" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, BackupArchive.NamePrefix + old + BackupArchive.Extension), "旧备份");
        }

        var settings = new BackupOptions { Folder = folder, Schedule = "02:30", Keep = 2 };
        await using var nodeA = BackupTestSupport.TargetServices(database.Options);
        await using var nodeB = BackupTestSupport.TargetServices(database.Options);
        var ran = await Task.WhenAll(
            Node(nodeA, settings).RunDueAsync(settings, settings.DailyTime!.Value, CancellationToken.None),
            Node(nodeB, settings).RunDueAsync(settings, settings.DailyTime!.Value, CancellationToken.None));

        Assert.Single(ran, r => r);
        var run = await InScopeAsync(nodeA, db => db.Set<BackupRun>().SingleAsync());
        Assert.True(run.Succeeded, run.Error);
        Assert.NotNull(run.Slot);
        Assert.NotNull(run.FinishedUtc);
        var kept = BackupArchive.List(folder).Select(f => f.Name).ToList();
        Assert.Equal([run.ArchiveName!, BackupArchive.NamePrefix + "20261103-023000-000" + BackupArchive.Extension], kept);
        Assert.Equal(new FileInfo(Path.Combine(folder, run.ArchiveName!)).Length, run.SizeBytes);
        await ArchiveReader.VerifyAsync(Path.Combine(folder, run.ArchiveName!), CancellationToken.None);

        // Later the same day the slot is taken: neither node runs it again.
        Assert.False(await Node(nodeB, settings).RunDueAsync(settings, settings.DailyTime!.Value, CancellationToken.None));

        // The archive holds its own run's row as it was when the database was copied: unfinished. Restored, that row
        // reads as the successful run that wrote the archive, so the restored 工作台 does not report a died backup.
        var target = engine == DatabaseProvider.PostgreSQL ? await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false) : null;
        await using (target)
        {
            var restoredInto = new StorageOptions { Provider = engine, ConnectionString = target?.Options.ConnectionString, DataFolder = BackupTestSupport.NewFolder() };
            await BackupTestSupport.RestoreAsync(restoredInto, Path.Combine(folder, run.ArchiveName!));
            await using var restored = BackupTestSupport.TargetServices(restoredInto);
            var restoredRun = await InScopeAsync(restored, db => db.Set<BackupRun>().SingleAsync());
            Assert.Equal((true, run.ArchiveName, run.Slot), (restoredRun.Succeeded, restoredRun.ArchiveName, restoredRun.Slot));
            Assert.NotNull(restoredRun.FinishedUtc);
        }
    }

    private static ScheduledBackup Node(ServiceProvider services, BackupOptions settings) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(settings), TimeProvider.System, NullLogger<ScheduledBackup>.Instance);

    private static async Task<T> InScopeAsync<T>(ServiceProvider services, Func<DisclosureDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
