using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Disclosure.Bench.Import;
using Disclosure.Core.Tables;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Media.Tables;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

// The 双公示 import measured on 100,000 rows, against baselines in the same run:
//   read    the table reader alone (CSV tokenising / XLSX SAX reading), nothing validated
//   parse   reader + the row parser (every check the import makes except the database look-ups) — "just parsing"
//   dryrun  CreditImporter.DryRunAsync: the import's first pass, with the duplicate checks against the database
//   import  CreditImporter.ImportAsync: the full dry run (with duplicate checks against the database) and the insert,
//           all in one transaction, on a fresh SQLite database (and PostgreSQL when --postgres is given)
// Each phase runs in a child process so its peak memory (VmHWM, the peak resident set) is its own.
//
//   dotnet run -c Release --project bench/Disclosure.Bench.Import -- [--rows 100000] [--postgres "Host=…"]

var options = Args.Parse(args);
if (options.Phase is { } phase)
{
    return await Child.RunAsync(phase, options);
}

var folder = Directory.CreateTempSubdirectory("disclosure-bench-").FullName;
try
{
    var results = new List<Result>();
    foreach (var format in new[] { TableFormat.Csv, TableFormat.Xlsx })
    {
        var file = Path.Combine(folder, "penalties" + TableFormats.Extension(format));
        var watch = Stopwatch.StartNew();
        SampleFile.Write(file, format, options.Rows);
        Console.WriteLine($"generated {options.Rows:N0} rows as {Path.GetFileName(file)}: {new FileInfo(file).Length / 1048576.0:F1} MB in {watch.Elapsed.TotalSeconds:F1} s");
        string[] steps = ["read", "parse", "dryrun-sqlite", "import-sqlite"];
        foreach (var step in steps.Concat(options.Postgres is null ? [] : ["import-postgres"]))
        {
            results.Add(await Parent.RunChildAsync(step, file, folder, options));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"| file | phase | rows | wall s | CPU s | rows/s (wall) | rows/s (CPU) | peak RSS (MB) | managed heap after (MB) |");
    Console.WriteLine($"| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var r in results)
    {
        Console.WriteLine($"| {r.File} ({r.FileMegabytes:F1} MB) | {r.Phase} | {r.Rows:N0} | {r.Seconds:F1} | {r.CpuSeconds:F1} | {r.Rows / r.Seconds:N0} | {r.Rows / r.CpuSeconds:N0} | {r.PeakMegabytes:F0} | {r.HeapMegabytes:F0} |");
    }

    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

internal sealed record Options(int Rows, string? Postgres, string? Phase, string? File, string? Folder);

internal static class Args
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Options(int.Parse(Value("--rows") ?? "100000", CultureInfo.InvariantCulture), Value("--postgres"), Value("--phase"), Value("--file"), Value("--folder"));
    }
}

internal sealed record Result(string Phase, string File, double FileMegabytes, int Rows, double Seconds, double CpuSeconds, double PeakMegabytes, double HeapMegabytes);

internal static class Parent
{
    public static async Task<Result> RunChildAsync(string phase, string file, string folder, Options options)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Parent).Assembly.Location);
        }

        foreach (var arg in new[] { "--phase", phase, "--file", file, "--folder", folder })
        {
            start.ArgumentList.Add(arg);
        }

        if (options.Postgres is { } postgres)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(postgres);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{phase} failed: {output}");
        }

        var result = JsonSerializer.Deserialize<Result>(output.Trim().Split('\n')[^1])!;
        Console.WriteLine($"{result.File,-16} {result.Phase,-16} {result.Rows,8:N0} rows {result.Seconds,7:F1} s (CPU {result.CpuSeconds,6:F1} s) {result.Rows / result.Seconds,9:N0} rows/s  peak {result.PeakMegabytes,5:F0} MB");
        return result;
    }
}

internal static class Child
{
    public static async Task<int> RunAsync(string phase, Options options)
    {
        var file = options.File!;
        var rows = 0;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        switch (phase)
        {
            case "read":
                using (var reader = TableFiles.Open(file))
                {
                    foreach (var row in reader.Rows().Skip(1))
                    {
                        rows += row.Cells.Count > 0 ? 1 : 0;
                    }
                }

                break;

            case "parse":
                using (var reader = TableFiles.Open(file))
                {
                    var set = CreditFields.Penalty;
                    var context = new CreditParseContext(new DateOnly(2026, 11, 23), CreditPolicy.Default);
                    var problems = new List<ImportProblem>();
                    foreach (var row in reader.Rows().Skip(1))
                    {
                        // Header order is the field order in this file, so cells map straight onto fields.
                        _ = CreditRowParser.Parse(new CreditRowValues(set, row.Cells), row.Number, context, problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
                        rows++;
                    }
                }

                break;

            default:
                var storage = phase == "import-postgres"
                    ? new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = options.Postgres }
                    : new StorageOptions { DataFolder = Path.Combine(options.Folder!, "db-" + Path.GetFileName(file)) };
                var services = new ServiceCollection().AddLogging().AddDisclosureStorage(storage).AddDisclosureModules(InstalledModules.All).BuildServiceProvider();
                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
                    if (phase == "import-postgres")
                    {
                        await db.Database.EnsureDeletedAsync();
                    }

                    await db.MigrateAsync();
                }

                watch.Restart();
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                await using (var scope = services.CreateAsyncScope())
                {
                    if (phase.StartsWith("dryrun", StringComparison.Ordinal))
                    {
                        using var reader = TableFiles.Open(file);
                        var report = await scope.ServiceProvider.GetRequiredService<CreditImporter>().DryRunAsync(CreditRecordKind.Penalty, reader);
                        rows = report.IsClean ? report.Rows : throw new InvalidOperationException(string.Join("; ", report.Problems.Take(5)));
                        break;
                    }

                    var result = await scope.ServiceProvider.GetRequiredService<CreditImporter>()
                        .ImportAsync(CreditRecordKind.Penalty, () => TableFiles.Open(file), Path.GetFileName(file), "bench");
                    if (!result.Report.IsClean)
                    {
                        throw new InvalidOperationException(string.Join("; ", result.Report.Problems.Take(5)));
                    }

                    rows = result.Imported;
                }

                break;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var result2 = new Result(phase, Path.GetFileName(file), new FileInfo(file).Length / 1048576.0, rows, seconds, cpuSeconds, PeakResidentMegabytes(), heap);
        Console.WriteLine(JsonSerializer.Serialize(result2));
        return 0;
    }

    /// <summary>VmHWM: the most memory this process ever had resident, as the kernel counts it.</summary>
    private static double PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
