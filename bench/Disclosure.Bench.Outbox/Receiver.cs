using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Bench.Outbox;

/// <summary>A loopback webhook receiver that notes when each request arrived, keyed by the header the sender sets.</summary>
public sealed class Receiver : IAsyncDisposable
{
    public const string KeyHeader = "X-Bench-Key";

    private readonly WebApplication _app;

    private Receiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Arrival times (Stopwatch ticks) by key: the item id for the outbox, a number for the baseline.</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public int Count => Arrivals.Count;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            // Read the body as a real receiver would, then note the arrival.
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var key = context.Request.Headers[KeyHeader].ToString();
            if (key.Length == 0)
            {
                key = System.Text.Json.Nodes.JsonNode.Parse(buffer.ToArray())?["contentItemId"]?.ToString() ?? Guid.NewGuid().ToString();
            }

            receiver.Arrivals.TryAdd(key, Stopwatch.GetTimestamp());
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
        return receiver;
    }

    public void Clear() => Arrivals.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
