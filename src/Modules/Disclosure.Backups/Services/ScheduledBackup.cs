using System.Globalization;
using Disclosure.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Backups.Services;

/// <summary>
/// The daily backup at <c>Backup:Schedule</c> (China time) into <c>Backup:Folder</c>, keeping the newest
/// <c>Backup:Keep</c> archives. Every node runs this service; the day's slot is claimed by inserting its row in
/// <c>BackupRuns</c> (unique), so exactly one node takes each day's backup. A node that starts after the day's time
/// and finds the slot unclaimed takes it at once. A run whose node died stays unfinished; the dashboard reports it
/// and the next day's slot is taken as usual.
/// </summary>
public sealed partial class ScheduledBackup(IServiceScopeFactory scopes, IOptions<BackupOptions> options, TimeProvider clock, ILogger<ScheduledBackup> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>The latest slot at or before <paramref name="utc"/>: today's time if it has passed, else yesterday's.</summary>
    public static (string Slot, DateTime DueUtc) LatestSlot(DateTime utc, TimeOnly dailyTime)
    {
        var local = ChinaTime.ToLocal(utc);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < dailyTime)
        {
            day = day.AddDays(-1);
        }

        var due = day.ToDateTime(dailyTime, DateTimeKind.Unspecified) - ChinaTime.Offset;
        return (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + dailyTime.ToString("HH:mm", CultureInfo.InvariantCulture), DateTime.SpecifyKind(due, DateTimeKind.Utc));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ScheduleEnabled || settings.DailyTime is not { } dailyTime)
        {
            return;
        }

        using var timer = new PeriodicTimer(CheckInterval, clock);
        do
        {
            try
            {
                await RunDueAsync(settings, dailyTime, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim or the record failed (the database is away): the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs the latest slot's backup if no node has claimed it yet; returns whether this node ran it.</summary>
    public async Task<bool> RunDueAsync(BackupOptions settings, TimeOnly dailyTime, CancellationToken cancellationToken)
    {
        var (slot, _) = LatestSlot(clock.GetUtcNow().UtcDateTime, dailyTime);
        await using var scope = scopes.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<BackupRunLog>();
        if (await log.ClaimAsync(slot, cancellationToken) is not { } run)
        {
            return false;
        }

        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<BackupService>().CreateAsync(settings.Folder!, cancellationToken);
            await log.FinishAsync(run, result, null, cancellationToken);
            LogWritten(logger, result.ArchivePath, result.SizeBytes);
            foreach (var name in BackupService.Prune(settings.Folder!, settings.Keep))
            {
                LogPruned(logger, name);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            await log.FinishAsync(run, null, ex.Message, CancellationToken.None);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "定时备份完成：{Path}（{Bytes} 字节）")]
    private static partial void LogWritten(ILogger logger, string path, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "定时备份：按 Backup:Keep 删除旧备份 {Name}")]
    private static partial void LogPruned(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "定时备份失败")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "定时备份检查失败")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
