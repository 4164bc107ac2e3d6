using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Web.Operations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// The request queue on a real Kestrel port, with real connections: one request runs, one waits, the next is turned
/// away with the zh-CN 503 and Retry-After, and <c>/health/ready</c> says the node is full until the queue drains.
/// The requests are held by the site itself: form posts whose bodies stop half-way, which the site waits for while it
/// holds their slot (it reads every form before the page runs).
/// </summary>
public sealed class OverloadOnARunningSiteTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Overload:ConcurrentRequests"] = "1",
        ["Overload:QueueLimit"] = "1",
        // Long enough that the waiting request stays queued however slow the machine is.
        ["Overload:QueueTimeoutSeconds"] = "600",
        ["Overload:RetryAfterSeconds"] = "7",
    };

    private DisclosureSite _site = null!;

    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _site = await DisclosureSite.DemoAsync(settings: Settings);
        _site.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            // Kestrel would cut the held uploads off after a few seconds of silence; here they must wait for the test.
            kestrel.Limits.MinRequestBodyDataRate = null;
        });
        _site.StartServer();
        _address = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task A_full_queue_turns_requests_away_with_503_and_reports_not_ready_until_it_drains()
    {
        using var client = new HttpClient { BaseAddress = _address };
        Assert.Equal("ready", await client.GetStringAsync("/health/ready"));

        // One of them runs (its slot taken while the site waits for the rest of its body), the other waits for the slot.
        await using var first = await HeldPost.StartAsync(_address);
        await using var second = await HeldPost.StartAsync(_address);
        await EventuallyAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal("未就绪：请求排队已满。", await ready.Content.ReadAsStringAsync());
        Assert.Equal("ok", await client.GetStringAsync("/health/live"));

        var refused = await client.GetAsync("/catalogue");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(OverloadProtection.BusyMessage, await refused.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);

        // Once the uploads end, both held requests are served as any such post is, and the node is ready again. Which
        // of the two got the slot first is Kestrel's business: both are finished together.
        var held = await Task.WhenAll(first.FinishAsync(), second.FinishAsync());
        await EventuallyAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        var usual = (int)(await client.PostAsync("/admin/login", new FormUrlEncodedContent(HeldPost.Form))).StatusCode;
        Assert.NotEqual((int)HttpStatusCode.ServiceUnavailable, usual);
        Assert.Equal([usual, usual], held);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalogue")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition) => Eventually.HoldsAsync(condition, TimeSpan.FromMinutes(1));

    /// <summary>A login form posted over a raw connection, its body sent up to half and the rest only when asked.</summary>
    private sealed class HeldPost : IAsyncDisposable
    {
        public static readonly Dictionary<string, string> Form = new() { ["UserName"] = "nobody", ["Password"] = "held-upload" };

        private readonly TcpClient _connection;
        private readonly NetworkStream _stream;
        private readonly byte[] _rest;

        private HeldPost(TcpClient connection, byte[] rest)
        {
            _connection = connection;
            _stream = connection.GetStream();
            _rest = rest;
        }

        public static async Task<HeldPost> StartAsync(Uri site)
        {
            var body = Encoding.ASCII.GetBytes(string.Join('&', Form.Select(f => $"{f.Key}={f.Value}")));
            var half = body.Length / 2;
            var connection = new TcpClient();
            await connection.ConnectAsync(site.Host, site.Port);
            var post = new HeldPost(connection, body[half..]);
            var head = Encoding.ASCII.GetBytes(
                $"POST /admin/login HTTP/1.1\r\nHost: {site.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n");
            await post._stream.WriteAsync(head);
            await post._stream.WriteAsync(body.AsMemory(0, half));
            await post._stream.FlushAsync();
            return post;
        }

        /// <summary>Sends the rest of the body and returns the status code of the answer.</summary>
        public async Task<int> FinishAsync()
        {
            await _stream.WriteAsync(_rest);
            await _stream.FlushAsync();
            using var reader = new StreamReader(_stream, Encoding.ASCII, leaveOpen: true);
            var statusLine = await reader.ReadLineAsync() ?? string.Empty; // "HTTP/1.1 400 Bad Request"
            return int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        }

        public ValueTask DisposeAsync()
        {
            _connection.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
