using System.Diagnostics;
using Disclosure.Search.Analysis;
using Disclosure.Search.IndexStore;

namespace Disclosure.DataGenerator;

/// <summary>
/// Indexes a generated corpus through <see cref="SearchIndex"/>, the code the site's indexer uses, in batches with the
/// running count as the checkpoint, for the benchmarks that search a corpus without starting a site.
/// </summary>
public static class CorpusIndex
{
    private const int BatchSize = 5_000;

    public static void Build(string folder, Corpus corpus)
    {
        var clock = Stopwatch.StartNew();
        using var index = new SearchIndex(folder, new ChineseAnalyzer());
        var batch = new List<IndexChange>(BatchSize);
        var count = 0;
        foreach (var item in corpus.Items())
        {
            batch.Add(IndexChange.Upsert(item, corpus.Labels));
            if (batch.Count == BatchSize)
            {
                count += batch.Count;
                index.Apply(batch, count);
                batch.Clear();
                Console.Write($"\r  indexed {count:N0}");
            }
        }

        count += batch.Count;
        index.Apply(batch, count);
        var size = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Console.WriteLine($"\rIndexed {count:N0} documents in {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalSeconds:N0} docs/s), {size / 1024.0 / 1024.0:0.0} MiB on disk.");
    }
}
