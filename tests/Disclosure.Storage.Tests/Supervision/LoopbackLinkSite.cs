using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Storage.Tests.Supervision;

/// <summary>
/// Another government site on loopback for the link checker: working and broken pages, a page slower than the
/// checker's timeout, redirects within the site and to another host. It records every request, the most it had in
/// flight at once and when each began, so a test can see the checker's manners.
/// </summary>
public sealed class LoopbackLinkSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, TimeSpan At)> _requests = new();
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackLinkSite(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Root { get; private set; } = string.Empty;

    public int Port { get; private set; }

    /// <summary>Where <c>/redirect-away</c> sends the checker (set before it runs).</summary>
    public string? AwayTarget { get; set; }

    /// <summary>How long each ordinary page takes, so overlapping requests would overlap here.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(60);

    public IReadOnlyList<(string Path, TimeSpan At)> Requests => [.. _requests];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<LoopbackLinkSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new LoopbackLinkSite(app);
        app.Use(async (context, next) =>
        {
            site._requests.Enqueue((context.Request.Path + context.Request.QueryString, Stopwatch.GetElapsedTime(0)));
            var now = Interlocked.Increment(ref site._inFlight);
            int max;
            while (now > (max = Volatile.Read(ref site._maxInFlight)) && Interlocked.CompareExchange(ref site._maxInFlight, now, max) != max)
            {
            }

            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref site._inFlight);
            }
        });
        app.MapGet("/ok", async (HttpContext c) => { await Task.Delay(site.Latency, c.RequestAborted); return Results.Text("正常页面"); });
        app.MapGet("/missing", async (HttpContext c) => { await Task.Delay(site.Latency, c.RequestAborted); return Results.NotFound(); });
        app.MapGet("/error", async (HttpContext c) => { await Task.Delay(site.Latency, c.RequestAborted); return Results.StatusCode(500); });
        app.MapGet("/slow", async (HttpContext c) => { await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted); return Results.Text("太慢了"); });
        app.MapGet("/redirect-ok", () => Results.Redirect("/ok?via=redirect"));
        app.MapGet("/redirect-away", () => Results.Redirect(site.AwayTarget!));
        await app.StartAsync();
        site.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        site.Port = new Uri(site.Root).Port;

        // Kestrel's first answer (JIT, first connection) can take a second on a busy machine: not the checker's to time.
        using (var warmUp = new HttpClient())
        {
            await warmUp.GetAsync(site.Root + "/redirect-ok");
        }

        site._requests.Clear();
        Interlocked.Exchange(ref site._maxInFlight, 0);
        return site;
    }

    /// <summary>A loopback port nothing listens on (无法连接).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
