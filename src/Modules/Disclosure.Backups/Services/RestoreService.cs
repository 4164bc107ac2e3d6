using System.Globalization;
using Disclosure.Backups.Archive;
using Disclosure.Backups.Data;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Backups.Services;

/// <summary>A restore that was refused before anything was changed; the message is zh-CN for the operator.</summary>
public sealed class RestoreRefusedException : Exception
{
    public RestoreRefusedException(string message)
        : base(message)
    {
    }

    public RestoreRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What a restore did: the manifest it matched, and what it could not check (zh-CN notes).</summary>
public sealed record RestoreResult(BackupManifest Manifest, int MediaFiles, IReadOnlyList<string> Notes);

/// <summary>
/// Restores an archive into an empty target: the data folder (nothing in it but, optionally, the 台账 keys folder)
/// and, on PostgreSQL, an empty database. Every checksum is checked before anything is written; after writing, the
/// row counts, the change-log head and the 台账 head and chain are compared with the manifest, and a mismatch takes
/// everything written back out. The search index is not restored: the site rebuilds it from the change log on start.
/// </summary>
public sealed class RestoreService(StorageOptions storage, IOptions<BackupOptions> options, IServiceScopeFactory scopes)
{
    /// <summary>The ledger keys folder's name under the data folder: the one thing an empty target may already hold.</summary>
    private const string KeysFolderName = "keys";

    public async Task<RestoreResult> RestoreAsync(string archivePath, CancellationToken cancellationToken)
    {
        var engine = DatabaseEngine.For(storage, options.Value);
        if (DataFolderNotEmptyReason() is { } folderReason)
        {
            throw new RestoreRefusedException(folderReason);
        }

        if (await engine.NotEmptyReasonAsync(cancellationToken) is { } databaseReason)
        {
            throw new RestoreRefusedException(databaseReason);
        }

        BackupManifest manifest;
        try
        {
            manifest = await ArchiveReader.VerifyAsync(Path.GetFullPath(archivePath), cancellationToken);
        }
        catch (BackupArchiveException exception)
        {
            throw new RestoreRefusedException(exception.Message + "未做任何改动。", exception);
        }

        if (manifest.Provider != engine.Provider)
        {
            throw new RestoreRefusedException($"备份来自 {manifest.Provider} 数据库，当前配置的是 {engine.Provider}（Storage:Provider），不能直接恢复。未做任何改动。");
        }

        var written = new List<string>();
        try
        {
            var mediaFolder = Path.Combine(storage.DataFolder, "media");
            var databaseTarget = engine.ExtractPath(storage.DataFolder);
            written.AddRange(await ArchiveReader.ExtractAsync(
                archivePath,
                manifest,
                entry => entry == manifest.DatabaseEntry ? databaseTarget : ArchiveReader.MediaTarget(entry, mediaFolder),
                cancellationToken));
            await engine.RestoreAsync(databaseTarget, cancellationToken);

            var differences = (await engine.ReadFactsAsync(cancellationToken)).DifferencesFrom(manifest);
            if (differences.Count > 0)
            {
                throw new InvalidOperationException("恢复后的数据库与备份清单不符：" + string.Join("", differences));
            }

            var notes = await CheckLedgerAsync(manifest, cancellationToken);
            await CompleteOwnRunAsync(manifest, archivePath, cancellationToken);
            return new RestoreResult(manifest, manifest.Files.Count(f => f.Path.StartsWith(BackupArchive.MediaPrefix, StringComparison.Ordinal)), notes);
        }
        catch
        {
            await UndoAsync(engine, written);
            throw;
        }
    }

    /// <summary>
    /// The 台账 chain, verified as far as the keys allow. Every link and sequence number is checked always, and a
    /// break fails the restore: the archive's checksums matched, so a break here means the restore itself went wrong.
    /// When every key the manifest names is at hand (keys folder or configuration), the full <c>verify-ledger</c>
    /// check runs too (each MAC, each published version against its ledger record); what it finds was already in the
    /// data when it was backed up, so it is reported, not undone.
    /// </summary>
    private async Task<IReadOnlyList<string>> CheckLedgerAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DisclosureDbContext>();
        var keys = services.GetRequiredService<LedgerKeyRing>();
        var expectedPrevious = LedgerWriter.GenesisHash;
        long expectedSequence = 1;
        await foreach (var link in db.Ledger.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.PreviousHash, e.Hash }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (link.Sequence != expectedSequence || link.PreviousHash != expectedPrevious)
            {
                throw new InvalidOperationException($"恢复后的台账校验未通过：台账第 {link.Sequence.ToString(CultureInfo.InvariantCulture)} 条与前一条不相接。");
            }

            expectedPrevious = link.Hash;
            expectedSequence++;
        }

        var chain = $"台账哈希链完整：共 {(expectedSequence - 1).ToString(CultureInfo.InvariantCulture)} 条，序号连续、逐条相接，链头与清单一致。";
        var missing = manifest.LedgerKeyIds.Where(id => keys.Find(id) is null).ToList();
        if (missing.Count > 0)
        {
            return [chain, $"台账密钥 {string.Join("、", missing)} 不在 {keys.Folder} 中，也未在配置中提供，因此未能核对各条记录的密钥签名（MAC）。请在启动站点之前把密钥文件放回该目录（或配置 Ledger:KeysFolder），再运行 verify-ledger：若没有密钥就启动，站点会新建一个同编号的新密钥，此前的台账记录将无法校验。"];
        }

        var problems = await services.GetRequiredService<IntegrityVerifier>().VerifyAsync(cancellationToken);
        if (problems.Count == 0)
        {
            return [chain, "台账完整性校验（verify-ledger）通过：每条记录的密钥签名（MAC）与已发布内容均已核对。"];
        }

        var first = problems[0];
        return [chain, $"注意：台账完整性校验（verify-ledger）发现 {problems.Count.ToString(CultureInfo.InvariantCulture)} 个问题，首个为 {first.Subject}：{first.Message} 备份文件与其清单完全一致，这些问题在备份时已存在于数据中；请运行 verify-ledger 查看全部。"];
    }

    /// <summary>
    /// A scheduled backup claims its row before it copies the database, so the copy holds that row unfinished; left
    /// so, the restored site's 工作台 would report the run as died. It is the run that wrote this very archive, so it is
    /// recorded as such (finished at the manifest's time: the moment of the copy).
    /// </summary>
    private async Task CompleteOwnRunAsync(BackupManifest manifest, string archivePath, CancellationToken cancellationToken)
    {
        if (!manifest.RowCounts.ContainsKey("BackupRuns"))
        {
            return; // an archive of a database from before backups were recorded
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var created = manifest.CreatedUtc;
        var run = await db.Set<BackupRun>()
            .Where(r => r.FinishedUtc == null && r.Slot != null && r.StartedUtc <= created)
            .OrderByDescending(r => r.StartedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null || created - run.StartedUtc > TimeSpan.FromMinutes(10))
        {
            return;
        }

        run.FinishedUtc = created;
        run.Succeeded = true;
        run.ArchiveName = Path.GetFileName(archivePath);
        run.SizeBytes = new FileInfo(archivePath).Length;
        await db.SaveChangesAsync(cancellationToken);
    }

    private string? DataFolderNotEmptyReason()
    {
        var folder = storage.DataFolder;
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var present = Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .Where(name => name != KeysFolderName)
            .Take(3)
            .ToList();
        return present.Count == 0 ? null : DatabaseEngine.RefuseMessage($"数据目录 {folder} 中已有 {string.Join("、", present)}");
    }

    private async Task UndoAsync(DatabaseEngine engine, List<string> written)
    {
        await engine.UndoAsync(CancellationToken.None);
        foreach (var path in written.Where(File.Exists))
        {
            File.Delete(path);
        }

        var media = Path.Combine(storage.DataFolder, "media");
        if (Directory.Exists(media))
        {
            Directory.Delete(media, recursive: true);
        }
    }
}
