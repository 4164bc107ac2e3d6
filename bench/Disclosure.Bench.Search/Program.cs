using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Disclosure.Bench.Search;
using Disclosure.DataGenerator;
using Disclosure.Search.Analysis;
using Disclosure.Search.IndexStore;

// dotnet run -c Release --project bench/Disclosure.Bench.Search -- [--quick | --size N] [--rounds N] [--index DIR] [--reindex] [--bdn]
var quick = args.Contains("--quick");
var size = Option("--size") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : quick ? 20_000 : 200_000;
var rounds = Option("--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 10;
var folder = Option("--index") ?? Path.Combine(Path.GetTempPath(), $"disclosure-bench-{size}-{Corpus.Seed}");
var root = FindRepositoryRoot();
var corpus = new Corpus(Path.Combine(root, "recipes", "setup.json"), size);

Console.WriteLine($"Corpus: {size:N0} disclosures (seed {Corpus.Seed}), index in {folder}");
if (args.Contains("--reindex") && Directory.Exists(folder))
{
    Directory.Delete(folder, recursive: true);
}

bool reuse;
using (var probe = new SearchIndex(folder, new ChineseAnalyzer()))
{
    reuse = probe.DocumentCount == size && probe.Checkpoint == size;
}

if (reuse)
{
    Console.WriteLine("Reusing the index built by an earlier run (pass --reindex to build it again).");
}
else
{
    Directory.Delete(folder, recursive: true);
    CorpusIndex.Build(folder, corpus);
}

using var live = new SearchIndex(folder, new ChineseAnalyzer());
var workload = new Workload(live, corpus);
if (args.Contains("--bdn"))
{
    SearchBenchmarks.Shared = workload;
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
        .AddColumn(StatisticColumn.P50, StatisticColumn.P95)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    BenchmarkRunner.Run<SearchBenchmarks>(config);
}
else
{
    LatencyRun.Run(workload, rounds);
}

return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Disclosure.sln not found: run from the repository.");
}
