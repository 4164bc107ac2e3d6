using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Disclosure.DataGenerator;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Bench.Enforcement;

/// <summary>What one contender's child process measured after one batch.</summary>
internal sealed record BatchMeasure(int Batch, int Events, double Seconds, double CpuSeconds, double HeapMegabytes, double LiveHeapMegabytes, double WorkingSetMegabytes);

/// <summary>A contender's whole run: every batch, and the process's peak resident memory at the end.</summary>
internal sealed record ImportMeasure(string Contender, IReadOnlyList<BatchMeasure> Batches, double PeakMegabytes, int EventsInDatabase);

/// <summary>
/// The import of <c>--events</c> events into cases that are registered but have only their opening event (受案), as a
/// case-handling system's history arrives when an office starts 执法公开: in batches of <see cref="BatchSize"/>,
/// streamed from the generator (nothing holds the whole import), each batch through
/// <see cref="CaseRegistry.RecordEventsAsync"/> in its own DI scope — every check, the idempotency look-up, the stage
/// update and the 台账 entry — and, on a copy of the same database, through a plain prepared INSERT … SELECT (the case
/// id by number) per event, one transaction per batch. Each contender runs in its own child process.
/// </summary>
internal static class ImportRun
{
    private const string Source = "bench";

    /// <summary>
    /// Events per call, as a case-handling system sends its history: ten calls for 100,000 events, so the memory after
    /// each shows whether anything grows with the import (one call may carry up to <see cref="CaseRegistry.MaxBatch"/>).
    /// </summary>
    private const int BatchSize = 10_000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var corpus = Corpus(options);
        var template = Path.Combine(options.Data, $"import-{options.Events}-seed{options.Seed}");
        await BenchCorpus.EnsureAsync(template, corpus, openingOnly: true);

        var results = new List<ImportMeasure>();
        foreach (var contender in new[] { "registry", "bare" })
        {
            var folder = Directory.CreateTempSubdirectory("disclosure-bench-enf-").FullName;
            try
            {
                File.Copy(Path.Combine(template, "disclosure.db"), Path.Combine(folder, "disclosure.db"));
                results.Add(await RunChildAsync(contender, folder, options));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| batch | RecordEventsAsync wall s | CPU s | heap after (MiB) | live heap (MiB) | working set (MiB) | bare insert wall s | CPU s | heap after (MiB) | live heap (MiB) | working set (MiB) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var (registry, bare) = (results[0], results[1]);
        for (var i = 0; i < registry.Batches.Count; i++)
        {
            var (r, b) = (registry.Batches[i], bare.Batches[i]);
            Console.WriteLine($"| {r.Batch} | {F(r.Seconds)} | {F(r.CpuSeconds)} | {F(r.HeapMegabytes)} | {F(r.LiveHeapMegabytes)} | {F(r.WorkingSetMegabytes)} | {F(b.Seconds)} | {F(b.CpuSeconds)} | {F(b.HeapMegabytes)} | {F(b.LiveHeapMegabytes)} | {F(b.WorkingSetMegabytes)} |");
        }

        Console.WriteLine();
        Console.WriteLine("| contender | events | wall s | CPU s | events/s (wall) | peak RSS (MiB) | ratio (wall) | ratio (CPU) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var bareSeconds = bare.Batches.Sum(b => b.Seconds);
        var bareCpu = bare.Batches.Sum(b => b.CpuSeconds);
        foreach (var result in results)
        {
            var seconds = result.Batches.Sum(b => b.Seconds);
            var events = result.Batches.Sum(b => b.Events);
            Console.WriteLine($"| {result.Contender} | {events:N0} (in the database: {result.EventsInDatabase:N0}) | {F(seconds)} | {F(result.Batches.Sum(b => b.CpuSeconds))} | {events / seconds:N0} | {result.PeakMegabytes:N0} | {seconds / bareSeconds:0.0}× | {result.Batches.Sum(b => b.CpuSeconds) / bareCpu:0.0}× |");
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    /// <summary>Enough cases for the events wanted: about nine events a case after the opening one.</summary>
    private static EnforcementCorpus Corpus(BenchOptions options) => BenchCorpus.Create(options.Seed + 1_000, Math.Max(1, options.Events / 7));

    private static IEnumerable<NewCaseEvent[]> Batches(BenchOptions options) =>
        Corpus(options).Cases()
            .SelectMany(c => c.Events.Skip(1).Select((e, k) => new NewCaseEvent(c.Head.Number, e.Type, e.FormedOn, e.DocumentName, e.DocumentNumber, e.Detail,
                e.VisibleUtc is not null, $"{c.Head.Number}-{k + 1}")))
            .Take(options.Events)
            .Chunk(BatchSize);

    private static async Task<ImportMeasure> RunChildAsync(string contender, string folder, BenchOptions options)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImportRun).Assembly.Location);
        }

        foreach (var arg in new[] { "import-child", "--contender", contender, "--database", folder, "--events", options.Events.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{contender} failed: {output}");
        }

        var result = JsonSerializer.Deserialize<ImportMeasure>(output.Trim().Split('\n')[^1])!;
        Console.WriteLine($"{contender,-9} {result.Batches.Sum(b => b.Events),8:N0} events in {result.Batches.Sum(b => b.Seconds),6:F1} s, peak {result.PeakMegabytes:N0} MiB");
        return result;
    }

    public static async Task<int> ChildAsync(BenchOptions options)
    {
        var folder = options.Database!;
        var batches = new List<BatchMeasure>();
        await using var services = BenchCorpus.Services(folder);
        using var bare = options.Contender == "bare" ? new BareInsert(BenchCorpus.ConnectionString(folder)) : null;
        await using (var warm = services.CreateAsyncScope())
        {
            // EF builds its model once per process: not part of any batch.
            _ = await warm.ServiceProvider.GetRequiredService<CaseKindStore>().GetAsync();
        }

        var process = Process.GetCurrentProcess();
        var number = 0;
        foreach (var batch in Batches(options))
        {
            var watch = Stopwatch.StartNew();
            var cpu = process.TotalProcessorTime;
            if (bare is not null)
            {
                bare.Insert(batch);
            }
            else
            {
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<CaseRegistry>().RecordEventsAsync(batch, Source, "bench");
                if (result.Added != batch.Length)
                {
                    throw new InvalidOperationException($"batch {number + 1}: {result.Added} of {batch.Length} added");
                }
            }

            watch.Stop();
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var heap = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
            var live = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            batches.Add(new BatchMeasure(++number, batch.Length, watch.Elapsed.TotalSeconds, cpuSeconds, heap, live, process.WorkingSet64 / 1048576.0));
        }

        int inDatabase;
        await using (var db = BenchCorpus.Context(folder))
        {
            inDatabase = await db.Set<CaseEventRecord>().CountAsync(e => e.Source == Source);
        }

        Console.WriteLine(JsonSerializer.Serialize(new ImportMeasure(options.Contender!, batches, PeakResidentMegabytes(), inDatabase)));
        return 0;
    }

    /// <summary>VmHWM: the most memory this process ever had resident, as the kernel counts it.</summary>
    private static double PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The same rows by a plain prepared INSERT … SELECT, the case id found by its unique number; no checks.</summary>
    private sealed class BareInsert : IDisposable
    {
        private static readonly string[] Columns = ["$type", "$document", "$number", "$detail", "$formed", "$visible", "$source", "$id", "$now", "$case"];

        private readonly SqliteConnection _connection;

        public BareInsert(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public void Insert(IReadOnlyList<NewCaseEvent> batch)
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "EnforcementCaseEvents" ("CaseId", "TypeCode", "DocumentName", "DocumentNumber", "Detail", "FormedOn", "VisibleUtc", "Source", "SourceEventId", "RecordedUtc", "RecordedBy")
                SELECT "Id", $type, $document, $number, $detail, $formed, $visible, $source, $id, $now, 'bench' FROM "EnforcementCases" WHERE "Number" = $case
                """;
            var parameters = Columns.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
            insert.Prepare();
            var now = DateTime.UtcNow;
            foreach (var e in batch)
            {
                object?[] values = [e.Type, e.DocumentName, e.DocumentNumber, e.Detail, e.FormedOn, e.Visible ? now : null, Source, e.SourceEventId, now, e.CaseNumber];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                if (insert.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException($"case {e.CaseNumber} not found");
                }
            }

            transaction.Commit();
        }

        public void Dispose() => _connection.Dispose();
    }
}
