using Disclosure.Backups.Archive;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Backups;

/// <summary>
/// A backup taken while an editor keeps writing, restored into an empty target: the restored database holds exactly
/// the rows the manifest counted and every content version byte for byte as the live site has it, the media come
/// back identical, and the 台账 verifies with its keys.
/// </summary>
public sealed class BackupRoundTripTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_backup_taken_during_writes_restores_to_equal_rows_and_equal_content(DatabaseProvider engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await source.ApplySetupAndDemoOfficeAsync();
        var media = Path.Combine(source.Options.DataFolder, "media");
        var attachments = new Dictionary<string, byte[]>
        {
            ["2026/11/a1b2c3.pdf"] = "%PDF-1.7 一份附件"u8.ToArray(),
            ["2026/12/d4e5f6.docx"] = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray(),
            ["2026/12/g7h8.png"] = [0x89, 0x50, 0x4E, 0x47],
        };
        foreach (var (path, bytes) in attachments)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(media, path))!);
            await File.WriteAllBytesAsync(Path.Combine(media, path), bytes);
        }

        // The upload staging folder is never archived.
        Directory.CreateDirectory(Path.Combine(media, ".tmp"));
        await File.WriteAllTextAsync(Path.Combine(media, ".tmp", "upload-in-progress"), "x");

        var initialItems = (await BackupTestSupport.RowCountsAsync(source.Options))["ContentItems"];
        var written = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A draft, and a 台账 entry in its own transaction, as an editor's save and an office's action would write.
                var draft = await source.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice($"备份期间写入的第 {written} 条"), "editor"));
                await source.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().InTransactionAsync(
                    () => sp.GetRequiredService<LedgerWriter>().AppendAsync("office", LedgerActions.Schedule, draft.Item.ContentItemId, draft.Number, draft.ContentHash, "备份测试", default), default));
                Interlocked.Increment(ref written);
            }
        });
        await WaitForAsync(() => Volatile.Read(ref written) >= 5, writer);

        var folder = BackupTestSupport.NewFolder();
        var writtenBefore = Volatile.Read(ref written);
        // A pause after each archived file makes the backup last while the writer goes on.
        var result = await BackupTestSupport.BackupOf(source, delayMilliseconds: 150).CreateAsync(folder, CancellationToken.None);
        var writtenDuring = Volatile.Read(ref written) - writtenBefore;
        await WaitForAsync(() => Volatile.Read(ref written) >= writtenBefore + writtenDuring + 3, writer);
        await stop.CancelAsync();
        await writer;

        Assert.True(writtenDuring > 0, "备份期间写入应照常进行");
        var archived = result.Manifest.RowCounts["ContentItems"];
        Assert.InRange(archived, initialItems + writtenBefore, initialItems + writtenBefore + writtenDuring);
        Assert.Equal([Path.GetFileName(result.ArchivePath)], BackupArchive.List(folder).Select(f => f.Name));
        // Nothing beside the archive: no partial, no database copy, none of the copy's SQLite side files.
        Assert.Equal([result.ArchivePath], Directory.GetFiles(folder));

        var target = engine == DatabaseProvider.PostgreSQL
            ? await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false)
            : null;
        await using (target)
        {
            var targetOptions = new StorageOptions
            {
                Provider = engine,
                ConnectionString = target?.Options.ConnectionString,
                DataFolder = BackupTestSupport.NewFolder(),
            };
            var restored = await BackupTestSupport.RestoreAsync(targetOptions, result.ArchivePath, Path.Combine(source.Options.DataFolder, "keys"));

            // Rows: exactly what the manifest counted at the moment of the copy, table by table.
            Assert.Equal(result.Manifest.RowCounts, await BackupTestSupport.RowCountsAsync(targetOptions));
            // Content: every restored version is the live site's version, hash and data alike; later writes are not there.
            var live = await BackupTestSupport.VersionHashesAsync(source.Options);
            var back = await BackupTestSupport.VersionHashesAsync(targetOptions);
            Assert.Equal(result.Manifest.RowCounts["ContentVersions"], back.Count);
            Assert.All(back, version => Assert.Equal(live[version.Key], version.Value));
            Assert.True(live.Count > back.Count);
            // Media: identical bytes; the staging folder and the search index are not restored.
            foreach (var (path, bytes) in attachments)
            {
                Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(targetOptions.DataFolder, "media", path)));
            }

            Assert.False(Directory.Exists(Path.Combine(targetOptions.DataFolder, "media", ".tmp")));
            Assert.False(Directory.Exists(Path.Combine(targetOptions.DataFolder, "search")));
            Assert.Contains(restored.Notes, note => note.Contains("verify-ledger）通过", StringComparison.Ordinal));
            Assert.Equal(result.Manifest.RowCounts["Ledger"], result.Manifest.LedgerHead!.Sequence);
            Assert.True(result.Manifest.LedgerHead.Sequence >= writtenBefore);
            Assert.Equal(result.Manifest.LedgerHead.KeyId, Assert.Single(result.Manifest.LedgerKeyIds));
        }
    }

    [Fact]
    public async Task An_archive_of_a_database_from_before_backups_were_recorded_restores()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await source.ApplySetupAndDemoOfficeAsync();
        // A site still on the version before this one: no BackupRuns table yet.
        await source.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"BackupRuns\""));
        var result = await BackupTestSupport.BackupOf(source).CreateAsync(BackupTestSupport.NewFolder(), CancellationToken.None);
        Assert.DoesNotContain("BackupRuns", result.Manifest.RowCounts.Keys);

        var target = new StorageOptions { DataFolder = BackupTestSupport.NewFolder() };
        await BackupTestSupport.RestoreAsync(target, result.ArchivePath);
        Assert.Equal(result.Manifest.RowCounts, await BackupTestSupport.RowCountsAsync(target));
    }

    private static async Task WaitForAsync(Func<bool> condition, Task writer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (writer.IsFaulted)
            {
                await writer; // the writer's own exception, e.g. a write refused while the backup ran
            }

            Assert.True(DateTime.UtcNow < deadline, "写入未在规定时间内进行");
            await Task.Delay(20);
        }
    }
}
