using System.Diagnostics;
using System.Globalization;
using Disclosure.Search;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Bench.Agencies;

/// <summary>
/// The two measures, each with installation A (one agency owning all N items) as the baseline and B (the tree) as
/// the contenders, interleaved in one run and rotating which goes first:
/// (1) an agency's public page — what <c>/a/{code}</c> reads before rendering: the agency tree, page 1 of
/// <see cref="PublishedContentQuery.ListAsync"/> filtered by <see cref="AgencyTree.Reach"/> (本级 or 含下级), and the
/// agency's identity, in a fresh DI scope like a request; no page cache is involved (the services are called directly,
/// below the web layer's output cache);
/// (2) a search through <see cref="SearchService"/> scoped to one agency (本级), and unscoped (全部) as a control.
/// </summary>
public sealed class AgencyRun(Installation flat, Installation spread, int rounds)
{
    private const int PageSize = 20; // CatalogueController.PageSize, the public lists' page

    private static readonly string[] Queries = ["公开", "户籍", "消防安全", "电信网络诈骗", "派出所 户籍", "烟花爆竹 OR 消防", "交通 -驾驶证",
        "\"放管服\"改革", "办理时限", "出入境证件 办理流程"];

    public async Task RunAsync()
    {
        var one = flat.Tree[0].Code;
        var root = spread.Tree[0].Code;
        var city = spread.Tree[1].Code;
        var county = spread.Tree.First(a => a.ParentCode == city).Code;
        string Name(string code) => spread.Tree.First(a => a.Code == code).Name;

        var pages = new List<Contender>
        {
            new("A", $"A: /a/{one} 本级 — the one agency, every item", true, _ => PageAsync(flat, one, AgencyReach.Own)),
            new("A", $"B: /a/{root} 本级 — {Name(root)} (root)", false, _ => PageAsync(spread, root, AgencyReach.Own)),
            new("A", $"B: /a/{root}?reach=subtree 含下级 — all {spread.Tree.Count} agencies", false, _ => PageAsync(spread, root, AgencyReach.WithSubordinates)),
            new("A", $"B: /a/{city} 本级 — {Name(city)}", false, _ => PageAsync(spread, city, AgencyReach.Own)),
            new("A", $"B: /a/{city}?reach=subtree 含下级 — {spread.Tree.Count(a => a.ParentCode == city) + 1} agencies", false, _ => PageAsync(spread, city, AgencyReach.WithSubordinates)),
            new("A", $"B: /a/{county} 本级 — {Name(county)}", false, _ => PageAsync(spread, county, AgencyReach.Own)),
        };
        var searches = new List<Contender>
        {
            new("own", $"A: 本级 {one} — the one agency, every item", true, i => Task.FromResult(Search(flat, one, i))),
            new("own", $"B: 本级 {root} — {Name(root)} (root)", false, i => Task.FromResult(Search(spread, root, i))),
            new("own", $"B: 本级 {city} — {Name(city)}", false, i => Task.FromResult(Search(spread, city, i))),
            new("own", $"B: 本级 {county} — {Name(county)}", false, i => Task.FromResult(Search(spread, county, i))),
            new("all", "A: 全部 (no agency filter)", true, i => Task.FromResult(Search(flat, null, i))),
            new("all", "B: 全部 (no agency filter)", false, i => Task.FromResult(Search(spread, null, i))),
        };

        Console.WriteLine($"Items: A {one} {flat.Count(one):N0}; B {root} {spread.Count(root):N0}, {city} {spread.Count(city):N0}, {county} {spread.Count(county):N0}");

        // Warm-up: JIT, EF's compiled queries, SQLite's and the OS's page cache, Lucene's term dictionaries and doc values.
        for (var w = 0; w < 3; w++)
        {
            await Interleave(pages, 1, w, record: false);
            await Interleave(searches, Queries.Length, w, record: false);
        }

        var pageRepeats = rounds * 5;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < pageRepeats; r++)
        {
            await Interleave(pages, 1, r, record: true);
        }

        Console.WriteLine($"Public page: {pageRepeats} timings per contender in {clock.Elapsed.TotalSeconds:0} s.");
        clock.Restart();
        for (var r = 0; r < rounds; r++)
        {
            await Interleave(searches, Queries.Length, r, record: true);
        }

        Console.WriteLine($"Search: {Queries.Length} queries x {rounds} rounds = {Queries.Length * rounds} timings per contender in {clock.Elapsed.TotalSeconds:0} s.");
        Console.WriteLine();
        Report("Public page (/a/{code} data: tree + ListAsync page 1 of 20 + identity), ratio to A's one agency", pages);
        Report("Search (SearchService, 20 a page, facets and highlighting), ratio to A in the same scope", searches);
    }

    private static async Task Interleave(List<Contender> contenders, int queries, int round, bool record)
    {
        var clock = new Stopwatch();
        for (var i = 0; i < queries; i++)
        {
            // Rotate which contender goes first, so none always gets the warmest cache.
            for (var k = 0; k < contenders.Count; k++)
            {
                var contender = contenders[(k + round + i) % contenders.Count];
                clock.Restart();
                var total = await contender.Run(i);
                clock.Stop();
                if (record)
                {
                    contender.Timings.Add(clock.Elapsed.TotalMilliseconds);
                    contender.Matches[i] = total;
                }
            }
        }
    }

    private static async Task<int> PageAsync(Installation installation, string code, AgencyReach reach)
    {
        await using var scope = installation.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tree = await services.GetRequiredService<AgencyDirectory>().TreeAsync();
        var rows = await services.GetRequiredService<PublishedContentQuery>().ListAsync(new PublishedContentFilter(Agencies: tree.Reach(code, reach)), 1, PageSize);
        var identity = await services.GetRequiredService<SiteIdentityStore>().LoadAsync(code);
        GC.KeepAlive(identity);
        return rows.Items.Count == PageSize ? rows.Total : throw new InvalidOperationException($"{code}: a short first page");
    }

    private static int Search(Installation installation, string? agency, int query)
    {
        var response = installation.Search.Search(new SearchRequest { Query = Queries[query], Agency = agency, PageSize = PageSize });
        return response.IsValid ? response.Total : throw new InvalidOperationException(response.Error!.Message);
    }

    private static void Report(string title, List<Contender> contenders)
    {
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| contender | matches (mean) | p50 (ms) | p95 (ms) | mean (ms) | B/A p50 | B/A p95 | B/A mean |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in contenders.GroupBy(c => c.Group))
        {
            var baseline = Summary.Of(group.Single(c => c.IsBaseline).Timings);
            foreach (var contender in group)
            {
                var s = Summary.Of(contender.Timings);
                var ratio = contender.IsBaseline ? "| 1× | 1× | 1× |" : $"| {F(s.P50 / baseline.P50)}× | {F(s.P95 / baseline.P95)}× | {F(s.Mean / baseline.Mean)}× |";
                Console.WriteLine($"| {contender.Name} | {contender.Matches.Values.Average():N0} | {F(s.P50)} | {F(s.P95)} | {F(s.Mean)} {ratio}");
            }
        }

        Console.WriteLine();
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record Contender(string Group, string Name, bool IsBaseline, Func<int, Task<int>> Run)
    {
        public List<double> Timings { get; } = [];

        public Dictionary<int, int> Matches { get; } = [];
    }

    private sealed record Summary(double P50, double P95, double Mean)
    {
        public static Summary Of(List<double> values)
        {
            var sorted = values.Order().ToList();
            return new Summary(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average());
        }

        // Nearest-rank percentile, as Disclosure.Bench.Search.
        private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
