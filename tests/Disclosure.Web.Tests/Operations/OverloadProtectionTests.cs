using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Web.Operations;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Web.Tests.Operations;

/// <summary>The bounded request queue: a fixed number run, a fixed number wait, the rest get 503 at once.</summary>
public sealed class OverloadProtectionTests
{
    [Fact]
    public async Task Requests_beyond_the_running_and_queued_ones_get_503_with_retry_after_and_the_queue_drains_in_order()
    {
        await using var protection = new OverloadProtection(new OverloadOptions { ConcurrentRequests = 2, QueueLimit = 1, QueueTimeoutSeconds = 30, RetryAfterSeconds = 7 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var served = new List<int>();
        RequestDelegate slow = async context =>
        {
            lock (served)
            {
                served.Add((int)context.Items["n"]!);
            }

            await release.Task;
            context.Response.StatusCode = 200;
        };

        var running = Enumerable.Range(1, 3).Select(n => Request(n)).ToList();
        var contexts = running.Select(r => r.Context).ToList();
        var tasks = running.Select(r => protection.InvokeAsync(r.Context, slow)).ToList();
        await WaitUntilAsync(() => protection.Queued == 1);
        Assert.True(protection.IsSaturated);

        // The fourth finds two running and one waiting: turned away at once, not queued.
        var (rejected, _) = Request(4);
        await protection.InvokeAsync(rejected, slow);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, rejected.Response.StatusCode);
        Assert.Equal("7", rejected.Response.Headers.RetryAfter.ToString());
        Assert.Equal(OverloadProtection.BusyMessage, Body(rejected));

        // Health is never queued: it answers even now.
        var (health, _) = Request(5, "/health/live");
        await protection.InvokeAsync(health, _ => Task.CompletedTask);
        Assert.Equal(StatusCodes.Status200OK, health.Response.StatusCode);

        release.SetResult();
        await Task.WhenAll(tasks);
        Assert.All(contexts, c => Assert.Equal(StatusCodes.Status200OK, c.Response.StatusCode));
        Assert.Equal([1, 2, 3], served);
        Assert.False(protection.IsSaturated);
    }

    [Fact]
    public async Task A_request_that_waits_longer_than_the_queue_timeout_gets_503()
    {
        await using var protection = new OverloadProtection(new OverloadOptions { ConcurrentRequests = 1, QueueLimit = 5, QueueTimeoutSeconds = 1 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (first, _) = Request(1);
        var blocking = protection.InvokeAsync(first, _ => release.Task);

        var (waiting, _) = Request(2);
        await protection.InvokeAsync(waiting, _ => Task.CompletedTask);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, waiting.Response.StatusCode);

        // The limiter takes a timed-out waiter off its queue in the cancellation callback, which can finish just
        // after the waiter has been answered: the queue must empty, not necessarily before the answer.
        await WaitUntilAsync(() => protection.Queued == 0);

        release.SetResult();
        await blocking;
    }

    private static (HttpContext Context, int Number) Request(int n, string path = "/")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        context.Items["n"] = n;
        return (context, n);
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.HoldsAsync(condition, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));
}
