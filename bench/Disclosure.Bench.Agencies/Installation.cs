using System.Diagnostics;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Organisation;
using Disclosure.DataGenerator;
using Disclosure.Modules;
using Disclosure.Search;
using Disclosure.Search.Analysis;
using Disclosure.Search.IndexStore;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Bench.Agencies;

/// <summary>
/// One generated installation: its SQLite database (written by the data generator, in a child process, the first
/// time), its search index (built once from the same generated items through <see cref="SearchIndex"/>, as
/// Disclosure.Bench.Search does) and the services the site's pages use over them.
/// </summary>
public sealed class Installation : IAsyncDisposable
{
    public const int Seed = 1;

    private Installation(string folder, int size, IReadOnlyList<AgencyDefinition> tree, ServiceProvider services, SearchIndex index)
    {
        Folder = folder;
        Size = size;
        Tree = tree;
        Services = services;
        Index = index;
        Search = new SearchService(index, Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
    }

    public string Folder { get; }

    public int Size { get; }

    /// <summary>The generated agencies (GeneratedAgencies.Tree), root first.</summary>
    public IReadOnlyList<AgencyDefinition> Tree { get; }

    public ServiceProvider Services { get; }

    public SearchIndex Index { get; }

    public SearchService Search { get; }

    public static Installation Prepare(string repositoryRoot, string folder, int size, int agencies, bool regenerate)
    {
        var done = Path.Combine(folder, "generated.ok");
        var data = Path.Combine(folder, "data");
        var search = Path.Combine(folder, "search");
        if (regenerate && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (!File.Exists(done))
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }

            Generate(repositoryRoot, data, size, agencies);
            File.WriteAllText(done, DateTime.UtcNow.ToString("O"));
        }
        else
        {
            Console.WriteLine($"Reusing the database generated earlier in {data} (pass --regenerate to write it again).");
        }

        var tree = GeneratedAgencies.Tree(agencies);
        var corpus = new Corpus(Path.Combine(repositoryRoot, "recipes", "setup.json"), size, Seed, tree, GeneratedAgencies.Weights(tree));
        bool reuse;
        using (var probe = new SearchIndex(search, new ChineseAnalyzer()))
        {
            reuse = probe.DocumentCount == size && probe.Checkpoint == size;
        }

        if (reuse)
        {
            Console.WriteLine($"Reusing the search index built earlier in {search}.");
        }
        else
        {
            Directory.Delete(search, recursive: true);
            CorpusIndex.Build(search, corpus);
        }

        var services = new ServiceCollection().AddLogging()
            .AddDisclosureStorage(new StorageOptions { DataFolder = data })
            .AddDisclosureModules(InstalledModules.All)
            .BuildServiceProvider();
        return new Installation(folder, size, tree, services, new SearchIndex(search, new ChineseAnalyzer()));
    }

    /// <summary>The database holds the generated items, each owned by an agency of the tree.</summary>
    public async Task CheckAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var codes = Tree.Select(a => a.Code).ToList();
        var owned = await db.ContentVersions.CountAsync(v => v.Status == ContentStatus.Published && v.CreatedBy == "generator" && codes.Contains(v.AgencyCode!));
        if (owned != Size || Index.DocumentCount != Size)
        {
            throw new InvalidOperationException($"{Folder}: {owned:N0} generated items in the tree's agencies and {Index.DocumentCount:N0} indexed, expected {Size:N0}; run with --regenerate.");
        }
    }

    /// <summary>How the items are spread: the root, the largest and the smallest agency.</summary>
    public string Describe()
    {
        using var scope = Services.CreateScope();
        var counts = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentVersions
            .Where(v => v.Status == ContentStatus.Published).GroupBy(v => v.AgencyCode!).Select(g => new { g.Key, Count = g.Count() }).ToList()
            .Where(c => Tree.Any(a => a.Code == c.Key)).OrderByDescending(c => c.Count).ToList();
        return $"{counts.Count} agencies own items, from {counts[0].Count:N0} ({counts[0].Key}) to {counts[^1].Count:N0} ({counts[^1].Key})";
    }

    public int Count(string code)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentVersions.Count(v => v.Status == ContentStatus.Published && v.AgencyCode == code);
    }

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Services.DisposeAsync();
    }

    /// <summary>The data generator itself, as README.md tells an operator to run it; nothing else generates data.</summary>
    private static void Generate(string repositoryRoot, string data, int size, int agencies)
    {
        string[] arguments =
        [
            "run", "--no-build", "-c", "Release", "--project", Path.Combine(repositoryRoot, "tools", "Disclosure.DataGenerator"), "--",
            "--items", size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--agencies", agencies.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--credit-records", "0", "--applications", "0", "--cases", "0", "--letters", "0", "--survey-answers", "0",
            "--data-folder", data,
        ];
        Console.WriteLine("dotnet " + string.Join(' ', arguments));
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the data generator.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The data generator failed (exit code {process.ExitCode}).");
        }

        Console.WriteLine($"Generated {size:N0} items over {agencies} agencies in {clock.Elapsed.TotalSeconds:0} s.");
    }
}
