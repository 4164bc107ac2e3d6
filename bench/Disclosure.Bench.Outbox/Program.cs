using System.Diagnostics;
using System.Globalization;
using System.Text;
using Disclosure.Bench.Outbox;
using Disclosure.Channels.Outbox;
using Disclosure.Storage;
using Microsoft.Data.Sqlite;

// Outbox benchmark: throughput (messages per second delivered to a loopback receiver) and publication-to-delivery
// latency (p50/p95), each beside a baseline measured in the same run: a bare HTTP POST loop to the same receiver
// with the same concurrency. Bounded in count and time; talks only to loopback.
//   dotnet run -c Release --project bench/Disclosure.Bench.Outbox -- [--items N] [--latency M] [--concurrency C] [--postgres CONNECTION] [--breakdown]
var items = Option("--items", 400);
var latencyItems = Option("--latency", 100);
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault() ?? Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_POSTGRES");
var concurrency = Option("--concurrency", 4); // the dispatcher's default (Channels:Outbox:Concurrency) is 4

var root = FindRoot();
await using var receiver = await Receiver.StartAsync();
Console.WriteLine($"Disclosure outbox benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(postgres is null ? "SQLite" : "PostgreSQL")}");

// --- baseline: a bare POST loop ----------------------------------------------------------------------------------
var body = Encoding.UTF8.GetBytes("{\"id\":\"disclosure-1-app-app\",\"event\":\"published\",\"contentItemId\":\"x\",\"title\":\"关于开展冬季火灾防控工作的通告\",\"summary\":\"冬季火灾防控工作安排。\",\"url\":\"https://www.yongning.gov.cn/content/x\"}");
using var http = new HttpClient();
await PostAsync(http, receiver.Url, "warm-up", body);
receiver.Clear();
var baselineLatencies = new List<double>();
var watch = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, items * 2), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
{
    var started = Stopwatch.GetTimestamp();
    await PostAsync(http, receiver.Url, "b" + i, body);
    lock (baselineLatencies)
    {
        baselineLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
});
var baselineRate = items * 2 / watch.Elapsed.TotalSeconds;

// --- the outbox ----------------------------------------------------------------------------------------------------
var folder = Path.Combine(Path.GetTempPath(), "disclosure-bench", Guid.NewGuid().ToString("n"));
var storage = postgres is null
    ? new StorageOptions { Provider = DatabaseProvider.Sqlite, DataFolder = folder }
    : new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = postgres };
try
{
    // Throughput: N publications committed while no dispatcher runs (2 messages each: web and app), then one
    // dispatcher drains them.
    await using (var writer = await Node.StartAsync(storage, receiver.Url, dispatcher: false, Path.Combine(folder, "media")))
    {
        await writer.SetUpAsync(Path.Combine(root, "recipes"));
        for (var i = 0; i < items; i++)
        {
            await writer.PublishAsync($"bench-{i:00000}");
        }
    }

    receiver.Clear();
    double drainSeconds;
    int sent;
    await using (var dispatcher = await Node.StartAsync(storage, receiver.Url, dispatcher: true, Path.Combine(folder, "media"), concurrency))
    {
        watch.Restart();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((sent = await dispatcher.CountAsync(OutboxState.Sent)) < items * 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        drainSeconds = watch.Elapsed.TotalSeconds;

        // Latency: publish one at a time with the dispatcher running; from commit to the receiver's arrival.
        receiver.Clear();
        var latencies = new List<double>();
        var publishCalls = new List<double>();
        for (var i = 0; i < latencyItems; i++)
        {
            var id = $"latency-{i:00000}";
            // Measured from the start of the publish call (its transaction commits just before it returns), so the
            // figure includes the publication itself.
            var committed = Stopwatch.GetTimestamp();
            await dispatcher.PublishAsync(id);
            publishCalls.Add(Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
            var until = DateTime.UtcNow.AddSeconds(30);
            long arrived;
            while (!receiver.Arrivals.TryGetValue(id, out arrived) && DateTime.UtcNow < until)
            {
                await Task.Delay(1);
            }

            latencies.Add(arrived == 0 ? double.NaN : (arrived - committed) * 1000.0 / Stopwatch.Frequency);
        }

        if (args.Contains("--breakdown"))
        {
            // Where the time goes: from the row's creation (inside the publishing transaction) to its claim, and from
            // the claim to the recorded delivery.
            foreach (var m in await dispatcher.LatencyRowsAsync())
            {
                Console.WriteLine($"{m.Channel,-4} claim+{(m.LastAttemptUtc - m.CreatedUtc)!.Value.TotalMilliseconds,7:0.0} sent+{(m.SentUtc - m.LastAttemptUtc)!.Value.TotalMilliseconds,7:0.0}");
            }
        }

        var outboxRate = sent / drainSeconds;
        Console.WriteLine();
        Console.WriteLine($"| measure | outbox (dispatcher concurrency {concurrency}) | baseline (bare POST loop, same receiver, concurrency {concurrency}) |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| throughput | {outboxRate:0} messages/s ({sent} messages: {items} web + {items} webhook, drained in {drainSeconds:0.00} s; {items / drainSeconds:0} webhook POSTs/s) | {baselineRate:0} POSTs/s ({items * 2} POSTs) |");
        Console.WriteLine($"| latency p50 | {Percentile(latencies, 50):0.0} ms (publish call → receiver; the publish call alone: {Percentile(publishCalls, 50):0.0} ms) | {Percentile(baselineLatencies, 50):0.0} ms (POST round trip) |");
        Console.WriteLine($"| latency p95 | {Percentile(latencies, 95):0.0} ms | {Percentile(baselineLatencies, 95):0.0} ms |");
        Console.WriteLine($"| lost / late | {latencies.Count(double.IsNaN)} of {latencyItems} not delivered within 30 s | — |");
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

return 0;

static async Task PostAsync(HttpClient http, string url, string key, byte[] body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    request.Headers.Add(Receiver.KeyHeader, key);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Disclosure.sln not found");
}
