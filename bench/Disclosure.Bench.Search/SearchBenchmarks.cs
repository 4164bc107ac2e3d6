using BenchmarkDotNet.Attributes;

namespace Disclosure.Bench.Search;

/// <summary>
/// The same comparison under BenchmarkDotNet (<c>--bdn</c>): one operation is one query, cycling through the
/// workload, so Mean is the mean latency per query and P50/P95 are over BenchmarkDotNet's iterations.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private int _next;

    /// <summary>Set by Program before BenchmarkDotNet runs (in process).</summary>
    public static Workload? Shared { get; set; }

    private static Workload Workload => Shared ?? throw new InvalidOperationException("The workload is prepared by Program.");

    [Benchmark(Baseline = true, Description = "bare Lucene IndexSearcher")]
    public int BareLucene() => Workload.RunBare(_next++ % Workload.Count);

    [Benchmark(Description = "SearchService")]
    public int SearchService() => Workload.RunService(_next++ % Workload.Count);
}
