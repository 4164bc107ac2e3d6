using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Bench.Latency;
using Disclosure.Core.ContentManagement;
using Disclosure.DataGenerator;
using Disclosure.Media;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Publish-to-visible latency: how long after a publication commits do two web nodes on the same PostgreSQL show the
// item in their API, on their (cached) home page and in their search? The bench publishes from its own process (like a third node's admin), so
// both nodes learn of it only through the change log — the cross-node path — and polls both nodes every 5 ms.
// Baseline, measured in the same run and interleaved with the rounds: one uncached API round trip to the same node.
//
//   bench/latency/run.sh [--items 100000] [--rounds 100]
//   (or: dotnet run -c Release --project bench/Disclosure.Bench.Latency -- --postgres CONN --site DIR [...])
var items = Number("--items") ?? 100_000;
var rounds = Number("--rounds") ?? 100;
var connection = Option("--postgres") ?? throw new ArgumentException("--postgres is required");
var site = Option("--site") ?? throw new ArgumentException("--site (the published web host) is required");
var root = Repository.Root();
var storage = new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = connection, DataFolder = Directory.CreateTempSubdirectory("disclosure-latency-").FullName };
// The publishing side: the modules write what the web host writes (the outbox rows the nodes then deliver).
var services = new ServiceCollection().AddLogging().AddDisclosureStorage(storage).AddDisclosureModules(InstalledModules.All)
    .BuildServiceProvider();

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
    await db.MigrateAsync();
    if (!await scope.ServiceProvider.GetRequiredService<SetupService>().IsSetUpAsync())
    {
        await scope.ServiceProvider.GetRequiredService<SetupService>().RunAsync([Path.Combine(root, "recipes", "setup.json")]);
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyAsync([DemoOrganisation.Read(Path.Combine(root, "recipes"))]);
    }

    if (items > 0 && !await db.ContentItems.AnyAsync(i => i.CreatedBy == "generator"))
    {
        Console.WriteLine($"==> generating {items:N0} disclosures");
        var corpus = new Corpus(Path.Combine(root, "recipes", "setup.json"), items, 1);
        await new DatabaseFiller(() =>
        {
            var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
            StorageServiceCollectionExtensions.Configure(builder, storage, InstalledModules.All);
            return new DisclosureDbContext(builder.Options);
        }, Console.Out).FillAsync(corpus, CancellationToken.None);
    }
}

// One 台账 keys folder for the publisher and both nodes: whichever signs first makes the key the others then use.
var ledgerKeys = Path.Combine(storage.DataFolder, "keys");
await using var nodeA = await WebNode.StartAsync("A", site, connection, ledgerKeys);
await using var nodeB = await WebNode.StartAsync("B", site, connection, ledgerKeys);
var nodes = new[] { nodeA, nodeB };

// Both nodes index the whole database first; the indexer follows the change log in order, so once a freshly
// published sentinel is found, everything before it has been indexed and the rounds measure steady state.
Console.WriteLine("==> waiting for both nodes to index everything (a sentinel published last)");
var sentinel = await PublishAsync("bench-sentinel");
var warm = Stopwatch.StartNew();
foreach (var node in nodes)
{
    while (!await node.SearchFindsAsync(sentinel.Token, sentinel.Id))
    {
        await Task.Delay(1000);
    }
}

Console.WriteLine($"    indexed in {warm.Elapsed.TotalSeconds:N0} s");

var samples = new Dictionary<string, List<double>>();
void Add(string name, double ms) => (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(ms);

Console.WriteLine($"==> {rounds} publications");
for (var round = 1; round <= rounds; round++)
{
    foreach (var node in nodes)
    {
        Add($"baseline: uncached API round trip (node {node.Name})", await node.UncachedRoundTripAsync(sentinel.Id));
    }

    var counted = new Dictionary<WebNode, int>();
    foreach (var node in nodes)
    {
        counted[node] = await node.HomeCountAsync();
    }

    var published = await PublishAsync($"r{round}");
    Add("publish call (create + publish, committed)", published.PublishMilliseconds);
    var committed = Stopwatch.StartNew();
    var waits = nodes.SelectMany(node => new[]
    {
        Until($"API visible (node {node.Name})", () => node.ApiShowsAsync(published.Id)),
        Until($"cached home page counts it (node {node.Name})", async () => await node.HomeCountAsync() > counted[node]),
        Until($"search visible (node {node.Name})", () => node.SearchFindsAsync(published.Token, published.Id)),
    }).ToList();
    foreach (var (name, ms) in await Task.WhenAll(waits))
    {
        Add(name, ms);
    }

    if (round % 10 == 0)
    {
        Console.WriteLine($"    {round} / {rounds}");
    }

    async Task<(string, double)> Until(string name, Func<Task<bool>> visible)
    {
        while (!await visible())
        {
            if (committed.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{name}: not visible after 60 s");
            }

            await Task.Delay(5);
        }

        return (name, committed.Elapsed.TotalMilliseconds);
    }
}

var baseline = Percentile(samples.Where(s => s.Key.StartsWith("baseline", StringComparison.Ordinal)).SelectMany(s => s.Value).ToList(), 0.5);
Console.WriteLine();
Console.WriteLine($"{items:N0} generated items, {rounds} publications, nodes with their defaults (change notifications on; polls as the fallback: page cache 500 ms, search 1 s)");
Console.WriteLine();
Console.WriteLine("| measurement | p50 ms | p95 ms | max ms | p50 ÷ baseline p50 |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
foreach (var (name, values) in samples)
{
    var p50 = Percentile(values, 0.5);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {p50:F1} | {Percentile(values, 0.95):F1} | {values.Max():F1} | {p50 / baseline:F1}× |"));
}

return 0;

async Task<Publication> PublishAsync(string label)
{
    var token = $"latency{label}x{Guid.NewGuid():N}"[..32];
    var watch = Stopwatch.StartNew();
    await using var scope = services.CreateAsyncScope();
    var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
    var version = await manager.CreateAsync("Disclosure", Notice(token), "bench");
    var id = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentItems.Where(i => i.Id == version.ItemId).Select(i => i.ContentItemId).SingleAsync();
    await manager.PublishAsync(id, null, "bench", DateTimeOffset.UtcNow);
    return new Publication(id, token, watch.Elapsed.TotalMilliseconds);
}

static ContentData Notice(string token) => new(new JsonObject
{
    ["TitlePart"] = new JsonObject { ["Title"] = $"关于发布时延测试的通告 {token}" },
    ["DisclosureMetadataPart"] = new JsonObject
    {
        ["Catalogue"] = "03.02",
        ["Agency"] = "640121-103",
        ["Topic"] = "公安、安全、司法",
        ["WrittenDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Validity"] = "有效",
        ["Attribute"] = "主动公开",
    },
    ["BodyPart"] = new JsonObject { ["Markdown"] = $"测量发布到可见的时延。{token}" },
});

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

int? Number(string name) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

internal sealed record Publication(string Id, string Token, double PublishMilliseconds);
