using System.Text;
using Disclosure.Backups.Archive;
using Disclosure.Backups.Services;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Backups;

/// <summary>
/// Restore refuses, with a zh-CN reason and without touching the target, an archive with any byte changed —
/// in the database, a tar header, the manifest, the padding at the end, or the checksum line — and a target that
/// already holds a site (a data folder with files, a PostgreSQL database with tables).
/// </summary>
public sealed class RestoreRefusalTests
{
    public static TheoryData<string> DamagedPlaces => new() { "database", "header", "manifest", "end-padding", "trailer" };

    [Theory]
    [MemberData(nameof(DamagedPlaces))]
    public async Task An_archive_with_one_flipped_byte_is_refused_and_the_target_stays_untouched(string place)
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await source.ApplySetupAndDemoOfficeAsync();
        var result = await BackupTestSupport.BackupOf(source).CreateAsync(BackupTestSupport.NewFolder(), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(result.ArchivePath);
        var manifestAt = IndexOf(bytes, "\"rowCounts\""u8.ToArray());
        var offset = place switch
        {
            "database" => 512 * 3 + 4000,           // inside the SQLite file, after the first entry's headers
            "header" => 5,                           // the name field of the first header
            "manifest" => manifestAt + 3,
            "end-padding" => bytes.Length - BackupArchive.TrailerLength - 10, // the end-of-archive zero blocks
            _ => bytes.Length - 5,                   // a digit of the checksum line
        };
        Assert.True(manifestAt > 0 && offset > 0);
        bytes[offset] ^= 0x10;
        var damaged = Path.Combine(BackupTestSupport.NewFolder(), "damaged.tar");
        Directory.CreateDirectory(Path.GetDirectoryName(damaged)!);
        await File.WriteAllBytesAsync(damaged, bytes);

        var target = new StorageOptions { DataFolder = BackupTestSupport.NewFolder() };
        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupTestSupport.RestoreAsync(target, damaged));
        Assert.Contains("备份文件", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("未做任何改动。", refused.Message, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(target.DataFolder) || Directory.GetFileSystemEntries(target.DataFolder).Length == 0);

        // The undamaged archive restores into the same target.
        await BackupTestSupport.RestoreAsync(target, result.ArchivePath);
        Assert.Equal(result.Manifest.RowCounts, await BackupTestSupport.RowCountsAsync(target));
    }

    [Fact]
    public async Task A_partial_archive_left_by_an_interrupted_backup_is_refused()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var result = await BackupTestSupport.BackupOf(source).CreateAsync(BackupTestSupport.NewFolder(), CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(result.ArchivePath);
        var partial = result.ArchivePath + BackupArchive.PartialSuffix;
        var cut = Path.ChangeExtension(result.ArchivePath, ".cut.tar");
        await File.WriteAllBytesAsync(partial, bytes[..(bytes.Length / 2)]);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var target = new StorageOptions { DataFolder = BackupTestSupport.NewFolder() };
        Assert.Contains("未完成的备份", (await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupTestSupport.RestoreAsync(target, partial))).Message, StringComparison.Ordinal);
        // Renamed by hand, a cut archive still has no checksum line at its end.
        Assert.Contains("不完整或已损坏", (await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupTestSupport.RestoreAsync(target, cut))).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target.DataFolder) && Directory.GetFileSystemEntries(target.DataFolder).Length > 0);
    }

    [Fact]
    public async Task A_data_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var result = await BackupTestSupport.BackupOf(source).CreateAsync(BackupTestSupport.NewFolder(), CancellationToken.None);

        var target = new StorageOptions { DataFolder = BackupTestSupport.NewFolder() };
        Directory.CreateDirectory(target.DataFolder);
        var note = Path.Combine(target.DataFolder, "说明.txt");
        await File.WriteAllTextAsync(note, "旧站点留下的文件");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupTestSupport.RestoreAsync(target, result.ArchivePath));
        Assert.Contains("恢复目标不是空的", refused.Message, StringComparison.Ordinal);
        Assert.Contains("说明.txt", refused.Message, StringComparison.Ordinal);
        Assert.Equal([note], Directory.GetFileSystemEntries(target.DataFolder));
        Assert.Equal("旧站点留下的文件", await File.ReadAllTextAsync(note, Encoding.UTF8));

        // A keys folder alone (the 台账 keys put back before restoring) does not make the target non-empty.
        File.Delete(note);
        Directory.CreateDirectory(Path.Combine(target.DataFolder, "keys"));
        await BackupTestSupport.RestoreAsync(target, result.ArchivePath);
        Assert.Equal(result.Manifest.RowCounts, await BackupTestSupport.RowCountsAsync(target));
    }

    [Fact]
    public async Task A_postgres_database_with_tables_is_refused_and_left_as_it_was()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        var result = await BackupTestSupport.BackupOf(source).CreateAsync(BackupTestSupport.NewFolder(), CancellationToken.None);
        await using var occupied = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await occupied.ApplySetupAndDemoOfficeAsync();
        var target = new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = occupied.Options.ConnectionString, DataFolder = BackupTestSupport.NewFolder() };
        var before = await BackupTestSupport.RowCountsAsync(target);

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupTestSupport.RestoreAsync(target, result.ArchivePath));
        Assert.Contains("public 模式中已有", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await BackupTestSupport.RowCountsAsync(target));
        Assert.False(Directory.Exists(target.DataFolder));
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
