using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Disclosure.Bench.Latency;

/// <summary>
/// One web node: the published host started as its own process on a free loopback port, on the shared PostgreSQL,
/// with its own search index folder and the public rate limit off (the bench polls hard).
/// </summary>
internal sealed partial class WebNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client;
    private readonly string _dataFolder;

    private WebNode(string name, Process process, HttpClient client, string dataFolder)
    {
        Name = name;
        _process = process;
        _client = client;
        _dataFolder = dataFolder;
    }

    public string Name { get; }

    /// <param name="ledgerKeys">The 台账 keys folder every node shares with the publisher, as an office's nodes do.</param>
    public static async Task<WebNode> StartAsync(string name, string site, string connection, string ledgerKeys)
    {
        var port = FreePort();
        var dataFolder = Directory.CreateTempSubdirectory($"disclosure-latency-{name}-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = site,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "Disclosure.Web.dll", "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={connection}", $"--Storage:DataFolder={dataFolder}",
            $"--Ledger:KeysFolder={ledgerKeys}", "--Setup:Recipes:0=setup.json", "--RateLimiting:PermitsPerMinute=0", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"node {name} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var node = new WebNode(name, process, client, dataFolder);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    Console.WriteLine($"    node {name} ready on port {port}");
                    return node;
                }
            }
            catch (HttpRequestException) when (attempt < 600 && !process.HasExited)
            {
            }

            if (process.HasExited || attempt >= 600)
            {
                await node.DisposeAsync();
                throw new InvalidOperationException($"node {name} did not become ready");
            }

            await Task.Delay(500);
        }
    }

    public async Task<bool> ApiShowsAsync(string id)
    {
        using var response = await _client.GetAsync($"/api/v1/content/{id}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// The items the home page counts under its 目录 classes (it is kept in the node's page cache, keyed by the change
    /// log's head, so the count moves only once the node has learnt of a publication). Its list of the latest items
    /// cannot tell: the generated items are dated up to the end of their year, after the bench's own.
    /// </summary>
    public async Task<int> HomeCountAsync() =>
        CatalogueCount().Matches(await _client.GetStringAsync("/")).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex("<span class=\"count\">（(\\d+)）</span>")]
    private static partial System.Text.RegularExpressions.Regex CatalogueCount();

    public async Task<bool> SearchFindsAsync(string token, string id)
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString(token)}"));
        return document.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("id").GetString() == id);
    }

    /// <summary>One API read that the page cache cannot answer (a query string it has not seen), in milliseconds.</summary>
    public async Task<double> UncachedRoundTripAsync(string id)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _client.GetAsync($"/api/v1/content/{id}?nocache={Guid.NewGuid():N}");
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Disclosure.sln not found: run the bench from the repository.");
    }
}
