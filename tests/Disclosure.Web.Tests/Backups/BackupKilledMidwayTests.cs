using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Backups.Archive;
using Disclosure.Backups.Services;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Backups;

/// <summary>
/// <c>backup --to</c> run as its own process (the built <c>Disclosure.Web.dll</c>) and killed outright (SIGKILL) while
/// it writes: the archive written earlier is untouched and still verifies, the killed one is never listed and cannot
/// be restored, and the next backup clears what the killed one left.
/// </summary>
public sealed class BackupKilledMidwayTests
{
    [Fact]
    public async Task A_backup_killed_midway_leaves_earlier_archives_intact_and_no_partial_listed()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await source.ApplySetupAndDemoOfficeAsync();
        var media = Path.Combine(source.Options.DataFolder, "media", "2026", "12");
        Directory.CreateDirectory(media);
        for (var i = 0; i < 20; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(media, $"file{i}.pdf"), $"%PDF 附件 {i}", Encoding.UTF8);
        }

        var folder = BackupTestSupport.NewFolder();
        var earlier = await RunBackupAsync(source.Options.DataFolder, folder, delayMilliseconds: 0, killWhenPartialAppears: false);
        Assert.Equal(0, earlier.ExitCode);
        var earlierArchive = Assert.Single(BackupArchive.List(folder));
        var earlierHash = await HashAsync(earlierArchive.FullName);

        // Half a second after each archived file: the process is killed once its partial archive exists.
        var killed = await RunBackupAsync(source.Options.DataFolder, folder, delayMilliseconds: 500, killWhenPartialAppears: true);
        Assert.True(killed.Killed, "备份进程应在写入过程中被终止：\n" + killed.Output);

        var partials = Directory.GetFiles(folder, "*" + BackupArchive.PartialSuffix);
        Assert.NotEmpty(partials);
        Assert.Equal([earlierArchive.Name], BackupArchive.List(folder).Select(f => f.Name));
        Assert.Equal(earlierHash, await HashAsync(earlierArchive.FullName));
        await ArchiveReader.VerifyAsync(earlierArchive.FullName, CancellationToken.None);
        var partialArchive = partials.Single(p => p.EndsWith(BackupArchive.Extension + BackupArchive.PartialSuffix, StringComparison.Ordinal));
        await Assert.ThrowsAsync<RestoreRefusedException>(() =>
            BackupTestSupport.RestoreAsync(new StorageOptions { DataFolder = BackupTestSupport.NewFolder() }, partialArchive));

        // The next backup removes the dead one's leftovers and lists two whole archives.
        var next = await BackupTestSupport.BackupOf(source).CreateAsync(folder, CancellationToken.None);
        Assert.Equal([Path.GetFileName(next.ArchivePath), earlierArchive.Name], BackupArchive.List(folder).Select(f => f.Name));
        Assert.Equal(BackupArchive.List(folder).Select(f => f.FullName).Order(), Directory.GetFiles(folder).Order());
        var restoredInto = new StorageOptions { DataFolder = BackupTestSupport.NewFolder() };
        await BackupTestSupport.RestoreAsync(restoredInto, earlierArchive.FullName);
        Assert.Equal(20, Directory.GetFiles(Path.Combine(restoredInto.DataFolder, "media", "2026", "12")).Length);
    }

    private sealed record Run(int ExitCode, bool Killed, string Output);

    private static async Task<Run> RunBackupAsync(string dataFolder, string folder, int delayMilliseconds, bool killWhenPartialAppears)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Disclosure.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly());
        start.ArgumentList.Add("backup");
        start.ArgumentList.Add("--to");
        start.ArgumentList.Add(folder);
        start.Environment["Storage__DataFolder"] = dataFolder;
        start.Environment["Backup__TestDelayMilliseconds"] = delayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var killed = false;
        DateTime? partialSeen = null;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if (killWhenPartialAppears && partialSeen is null && Directory.Exists(folder)
                && Directory.GetFiles(folder, "*" + BackupArchive.Extension + BackupArchive.PartialSuffix).Length > 0)
            {
                partialSeen = DateTime.UtcNow;
            }

            // Killed once the database and a few attachments are in: well inside the archive, far from its end.
            if (partialSeen is { } seen && DateTime.UtcNow > seen.AddSeconds(1.5))
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no disposal runs
                killed = true;
                break;
            }

            await Task.Delay(50);
        }

        if (!process.HasExited && !killed)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        return new Run(process.ExitCode, killed, output.ToString());
    }

    private static async Task<string> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }

    private static string WebAssembly()
    {
        var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(RepositoryPaths.Root, "src", "Disclosure.Web", "bin", testOutput.Parent!.Name, testOutput.Name, "Disclosure.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"未找到 {path}：请先构建解决方案。");
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
