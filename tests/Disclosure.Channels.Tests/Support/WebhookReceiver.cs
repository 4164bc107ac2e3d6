using System.Net;
using Disclosure.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Channels.Tests.Support;

/// <summary>An app's webhook endpoint on loopback: verifies each signature as a real receiver would, records every request, fails on demand.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "receiver-shared-secret";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<ReceivedWebhook> _received = [];
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Answer with this status instead of 200 (for <see cref="FailNext"/>).</summary>
    public int FailureStatus { get; set; } = 500;

    public IReadOnlyList<ReceivedWebhook> Received { get { lock (_lock) { return [.. _received]; } } }

    public void FailNext(int times, int status = 500)
    {
        FailureStatus = status;
        Interlocked.Exchange(ref _failuresLeft, times);
    }

    public void FailAlways(int status = 500) => FailNext(int.MaxValue, status);

    public void Heal() => Interlocked.Exchange(ref _failuresLeft, 0);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/disclosure", (Func<HttpContext, Task<IResult>>)receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hooks/disclosure";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var valid = WebhookSignature.Verify(Secret, headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body,
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var failing = Interlocked.Decrement(ref _failuresLeft) >= 0;
        if (!failing)
        {
            Interlocked.Exchange(ref _failuresLeft, 0);
        }

        lock (_lock)
        {
            _received.Add(new ReceivedWebhook(headers[WebhookSignature.IdempotencyKeyHeader].ToString(), headers[WebhookSignature.EventHeader].ToString(),
                System.Text.Encoding.UTF8.GetString(body), valid, failing, DateTime.UtcNow));
        }

        return !valid ? Results.StatusCode(401) : failing ? Results.StatusCode(FailureStatus) : Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string IdempotencyKey, string Event, string Body, bool SignatureValid, bool AnsweredWithFailure, DateTime AtUtc)
{
    public System.Text.Json.Nodes.JsonObject Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
}
