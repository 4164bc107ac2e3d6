using System.Diagnostics;
using System.Globalization;

namespace Disclosure.Bench.Search;

/// <summary>
/// Per-query latency: every query of the workload runs <c>rounds</c> times on each contender, interleaved so both
/// see the same machine state; p50 and p95 are taken over all those single-query timings.
/// </summary>
public static class LatencyRun
{
    public static void Run(Workload workload, int rounds)
    {
        // Warm-up: JIT, Lucene's term dictionaries and doc values, the OS page cache.
        for (var r = 0; r < 3; r++)
        {
            for (var i = 0; i < workload.Count; i++)
            {
                workload.RunService(i);
                workload.RunBare(i);
            }
        }

        var service = new List<double>();
        var bare = new List<double>();
        var clock = new Stopwatch();
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < workload.Count; i++)
            {
                // Alternate which runs first, so neither always gets the warmer cache.
                var serviceFirst = (r + i) % 2 == 0;
                for (var k = 0; k < 2; k++)
                {
                    var runService = (k == 0) == serviceFirst;
                    clock.Restart();
                    var total = runService ? workload.RunService(i) : workload.RunBare(i);
                    clock.Stop();
                    (runService ? service : bare).Add(clock.Elapsed.TotalMilliseconds);
                    GC.KeepAlive(total);
                }
            }
        }

        var s = Summary.Of(service);
        var b = Summary.Of(bare);
        Console.WriteLine();
        Console.WriteLine($"{workload.Count} queries x {rounds} rounds = {service.Count} timings per contender");
        Console.WriteLine("| contender | p50 (ms) | p95 (ms) | mean (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| SearchService (facets + highlighting) | {F(s.P50)} | {F(s.P95)} | {F(s.Mean)} |");
        Console.WriteLine($"| bare Lucene IndexSearcher (TopDocs) | {F(b.P50)} | {F(b.P95)} | {F(b.Mean)} |");
        Console.WriteLine($"| ratio service / bare | {F(s.P50 / b.P50)}x | {F(s.P95 / b.P95)}x | {F(s.Mean / b.Mean)}x |");
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record Summary(double P50, double P95, double Mean)
    {
        public static Summary Of(List<double> values)
        {
            var sorted = values.Order().ToList();
            return new Summary(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average());
        }

        // Nearest-rank percentile.
        private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
