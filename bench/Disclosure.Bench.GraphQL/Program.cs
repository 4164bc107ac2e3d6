using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Disclosure.Bench.GraphQL;

// GraphQL against REST for a page of 20 items with their metadata, in one run on one site (bench/README.md):
//   dotnet run -c Release --project bench/Disclosure.Bench.GraphQL
// A short job (3 warm-ups, 5 iterations, in process): enough for the ratio, which is the figure to compare.
internal static class BenchProgram
{
    public static async Task<int> Main()
    {
        await using var site = new BenchSite(FindRepositoryRoot());
        PageOfTwentyBenchmarks.Client = site.CreateClient();

        // Both must answer the same 20 items before their speed means anything.
        var rest = JsonDocument.Parse(await PageOfTwentyBenchmarks.Client.GetStringAsync(PageOfTwentyBenchmarks.RestUrl)).RootElement;
        var graphResponse = await PageOfTwentyBenchmarks.Client.PostAsync("/graphql",
            new StringContent(JsonSerializer.Serialize(new { query = PageOfTwentyBenchmarks.Query }), Encoding.UTF8, "application/json"));
        var graph = JsonDocument.Parse(await graphResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("contents");
        var restIds = rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        var graphIds = graph.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        if (restIds.Count != 20 || !restIds.SequenceEqual(graphIds))
        {
            throw new InvalidOperationException("REST and GraphQL do not answer the same page of 20 items.");
        }

        Console.WriteLine($"==> both answer the same 20 of {rest.GetProperty("total").GetInt32()} items");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5))
            .AddColumn(StatisticColumn.P95, BaselineRatioColumn.RatioMean)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<PageOfTwentyBenchmarks>(config);
        return 0;
    }

    private static string FindRepositoryRoot()
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
}
