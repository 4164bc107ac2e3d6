using System.Globalization;
using Disclosure.Backups.Services;

namespace Disclosure.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- backup --to &lt;目录&gt;</c>: writes one archive of the running site
/// (database, media, manifest) into the folder while the site keeps serving; exit code 1 when it fails, 2 on a
/// malformed command line. The run is recorded for the dashboard when the database already has the table.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var to = OptionValue(args, "--to");
        if (string.IsNullOrWhiteSpace(to))
        {
            Console.Error.WriteLine("用法：backup --to <目录>（备份文件写入该目录，文件名含北京时间）。");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var started = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        BackupResult? result = null;
        string? error = null;
        try
        {
            result = await provider.GetRequiredService<BackupService>().CreateAsync(to, CancellationToken.None);
            var rows = result.Manifest.RowCounts.Values.Sum();
            var ledger = result.Manifest.LedgerHead is { } head
                ? $"台账链头第 {head.Sequence} 条，用到的密钥 {string.Join("、", result.Manifest.LedgerKeyIds)}；台账密钥不在备份中，请另行妥善保管"
                : "台账为空";
            Console.WriteLine($"备份完成：{result.ArchivePath}（{(result.SizeBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MB，{result.Manifest.RowCounts.Count} 张表共 {rows} 行，{result.Manifest.Files.Count - 1} 个附件；{ledger}）。");
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            error = exception.Message;
            Console.Error.WriteLine("备份失败：" + exception.Message);
        }

        if (result is not null && !result.Manifest.RowCounts.ContainsKey("BackupRuns"))
        {
            // A database not yet migrated to this version (the site still runs the one before) has no such table.
            Console.Error.WriteLine("（数据库尚无 BackupRuns 表（站点升级后首次启动时创建），本次备份未记入数据库，工作台不会显示。）");
            return 0;
        }

        try
        {
            await provider.GetRequiredService<BackupRunLog>().RecordAsync(started, result, error, CancellationToken.None);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // A database not yet migrated to this version has no BackupRuns table: the archive stands without the record.
            Console.Error.WriteLine("（本次备份未能记入数据库，工作台不会显示：" + exception.Message + "）");
        }

        return result is null ? 1 : 0;
    }

    internal static string? OptionValue(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
