using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>
/// The demo site with one case-handling system allowed to call the import API (<see cref="Source"/>, signing with
/// <see cref="Key"/>), an app webhook for the party notices, and its clock on Friday 2026-12-04 10:00 Beijing time (after the demo cases' last event).
/// </summary>
public sealed class ApiSiteFixture : IAsyncLifetime
{
    public const string Source = "jz-system";

    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    public const string WebhookSecret = "webhook-secret";

    private readonly DisclosureSite _site;

    public ApiSiteFixture()
    {
        Receiver = new NoticeReceiver();
        _site = new(null, new Dictionary<string, string>
        {
            ["Enforcement:Sources:0:Name"] = Source,
            ["Enforcement:Sources:0:Key"] = Convert.ToBase64String(Key),
            // The app's webhook, standing in for an SMS gateway: the dispatcher delivers the notices to it.
            ["Channels:Webhooks:Endpoints:0:Name"] = "sms",
            ["Channels:Webhooks:Endpoints:0:Url"] = Receiver.Url,
            ["Channels:Webhooks:Endpoints:0:Secret"] = WebhookSecret,
        });
    }

    public NoticeReceiver Receiver { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8)));

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = Site.Server; // starts the host, which runs setup and the demo
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Receiver.Dispose();
    }
}

/// <summary>A webhook receiver on a free local port that answers 200 and keeps what it got.</summary>
public sealed class NoticeReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public NoticeReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/";
            probe.Stop();
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    /// <summary>Each delivery: its event header, timestamp, signature and body.</summary>
    public ConcurrentQueue<(string? Event, string? Timestamp, string? Signature, byte[] Body)> Received { get; } = new();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Headers["X-Disclosure-Event"], context.Request.Headers["X-Disclosure-Timestamp"], context.Request.Headers["X-Disclosure-Signature"], body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop;
    }
}
