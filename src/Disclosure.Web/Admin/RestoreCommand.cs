using Disclosure.Backups.Services;

namespace Disclosure.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- restore --from &lt;备份文件&gt;</c>: restores an archive into the empty
/// data folder (and, on PostgreSQL, the empty database) the settings name. Runs before any set-up or migration,
/// which would make the target non-empty. Exit code 1 when refused or failed (nothing changed), 2 on a malformed
/// command line.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var from = BackupCommand.OptionValue(args, "--from");
        if (string.IsNullOrWhiteSpace(from))
        {
            Console.Error.WriteLine("用法：restore --from <备份文件>（恢复到配置的空数据目录；PostgreSQL 还需空数据库）。");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<RestoreService>().RestoreAsync(from, CancellationToken.None);
            var manifest = result.Manifest;
            Console.WriteLine($"恢复完成：{manifest.RowCounts.Count} 张表共 {manifest.RowCounts.Values.Sum()} 行、{result.MediaFiles} 个附件，行数、变更日志序号 {manifest.ChangeLogHead} 与台账链头均与备份清单一致。");
            foreach (var note in result.Notes)
            {
                Console.WriteLine(note);
            }

            Console.WriteLine("搜索索引未包含在备份中，站点启动时将按变更日志重建。");
            return 0;
        }
        catch (RestoreRefusedException exception)
        {
            Console.Error.WriteLine("拒绝恢复：" + exception.Message);
            return 1;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException or Disclosure.Backups.Archive.BackupArchiveException)
        {
            Console.Error.WriteLine("恢复失败，已撤销本次写入的内容：" + exception.Message);
            return 1;
        }
    }
}
