using System.Text.Json;
using Disclosure.Core.Tables;
using Disclosure.Media.Tables;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Credit.Admin;

/// <summary>What the office can import from a table: the two 双公示 kinds and the 权力清单.</summary>
public static class ImportKinds
{
    public const string PowerList = "powerlist";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
        [(CreditAdmin.Penalties, "行政处罚"), (CreditAdmin.Licences, "行政许可"), (PowerList, "权力清单（办事指南）")];

    public static string? Label(string? kind) => All.FirstOrDefault(k => k.Value == kind).Label;
}

/// <summary>An uploaded file waiting for confirmation, with its dry-run report.</summary>
public sealed record PendingImport(
    string Token, string Kind, string FileName, string UploadedBy, DateTime UploadedUtc,
    int Rows, int BadRows, int ProblemCount, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsClean => ProblemCount == 0;
}

/// <summary>
/// Where an uploaded table waits while it is imported: under <c>DataFolder/imports</c>, never in memory, since the
/// importers read a file twice (check, then insert). The admin keeps an upload until the person who uploaded it
/// confirms (upload → dry-run report → confirm), so the confirmed import reads exactly the file that was checked; the
/// API (<c>POST /api/v1/credit/{kind}/imports</c>) keeps the request body for the length of the request. Either way
/// the file is opened by what its bytes are (<see cref="TableFiles"/>), not by its name. Uploads older than a day are
/// removed.
/// </summary>
public sealed class ImportUploads(string dataFolder)
{
    /// <summary>How many problems the report page keeps; all are counted.</summary>
    public const int ShownProblems = 1000;

    /// <summary>The largest table accepted, by the admin and the API alike: 100,000 双公示 rows are about 60 MB of CSV.</summary>
    public const int MaxUploadBytes = 200 * 1024 * 1024;

    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly string _folder = Path.Combine(dataFolder, "imports");

    public string FilePath(string token) => Path.Combine(_folder, token + ".upload");

    /// <summary>Stores an upload and returns its token. The caller checks it before the report is written.</summary>
    public async Task<string> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var source = file.OpenReadStream();
        return await SaveAsync(source, cancellationToken) ?? throw new InvalidOperationException("The form limit lets no larger upload through.");
    }

    /// <summary>
    /// Stores a stream (a request body) and returns its token, or null — with nothing left behind — when it holds
    /// more than <see cref="MaxUploadBytes"/>: a body without a length is only known to be too large while it is read.
    /// </summary>
    public async Task<string?> SaveAsync(Stream source, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        RemoveOld();
        var token = Guid.NewGuid().ToString("n");
        var tooLarge = false;
        await using (var target = new FileStream(FilePath(token), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (target.Length + read > MaxUploadBytes)
                {
                    tooLarge = true;
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (tooLarge)
        {
            Remove(token);
            return null;
        }

        return token;
    }

    public ITableReader Open(string token) => TableFiles.Open(FilePath(token));

    public async Task WriteReportAsync(PendingImport pending, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(Path.Combine(_folder, pending.Token + ".json"));
        await JsonSerializer.SerializeAsync(stream, pending with { Problems = pending.Problems.Take(ShownProblems).ToList() }, cancellationToken: cancellationToken);
    }

    public async Task<PendingImport?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(token, "n", out _))
        {
            return null;
        }

        var report = Path.Combine(_folder, token + ".json");
        if (!File.Exists(report) || !File.Exists(FilePath(token)))
        {
            return null;
        }

        await using var stream = File.OpenRead(report);
        return await JsonSerializer.DeserializeAsync<PendingImport>(stream, cancellationToken: cancellationToken);
    }

    public void Remove(string token)
    {
        File.Delete(FilePath(token));
        File.Delete(Path.Combine(_folder, token + ".json"));
    }

    private void RemoveOld()
    {
        foreach (var file in Directory.EnumerateFiles(_folder).Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow - KeepFor))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still being read by an import in progress; removed next time.
            }
        }
    }
}
