using System.Text.Json;
using Disclosure.Core.Tables;
using Disclosure.Media.Tables;
using Disclosure.Storage;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Enforcement.Services;

/// <summary>An uploaded table of events waiting for 导入, with its 预检 (dry run) result.</summary>
public sealed record PendingCaseEventImport(
    string Token, string FileName, string Source, string UploadedBy, DateTime UploadedUtc,
    int Rows, int Added, int AlreadyPresent, int BadRows, int ProblemCount,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<CaseEventPreviewRow> Preview)
{
    public bool IsClean => ProblemCount == 0;
}

/// <summary>
/// Upload → 预检 → 导入: the upload is kept in <c>DataFolder/imports/enforcement</c> until the person who uploaded it
/// imports it, so the import reads exactly the file that was checked; uploads older than a day are removed.
/// </summary>
public sealed class CaseEventUploads(StorageOptions storage)
{
    /// <summary>How many problems the report keeps (all are counted).</summary>
    public const int ShownProblems = 1000;

    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private string Folder => Path.Combine(storage.DataFolder, "imports", "enforcement");

    private string FilePath(string token) => Path.Combine(Folder, token + ".upload");

    private string ReportPath(string token) => Path.Combine(Folder, token + ".json");

    public async Task<string> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        RemoveOld();
        var token = Guid.NewGuid().ToString("n");
        await using var target = new FileStream(FilePath(token), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await file.CopyToAsync(target, cancellationToken);
        return token;
    }

    /// <summary>Opens the saved upload by what its bytes are (an XLSX package or CSV text), whatever its name says.</summary>
    public ITableReader Open(string token) => TableFiles.Open(FilePath(token));

    public async Task WriteAsync(PendingCaseEventImport pending, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(ReportPath(pending.Token));
        await JsonSerializer.SerializeAsync(stream, pending with { Problems = pending.Problems.Take(ShownProblems).ToList() }, cancellationToken: cancellationToken);
    }

    public async Task<PendingCaseEventImport?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(token, "n", out _) || !File.Exists(ReportPath(token)) || !File.Exists(FilePath(token)))
        {
            return null;
        }

        await using var stream = File.OpenRead(ReportPath(token));
        return await JsonSerializer.DeserializeAsync<PendingCaseEventImport>(stream, cancellationToken: cancellationToken);
    }

    public void Remove(string token)
    {
        File.Delete(FilePath(token));
        File.Delete(ReportPath(token));
    }

    private void RemoveOld()
    {
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow - KeepFor))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still open in an import in progress; removed next time.
            }
        }
    }
}
