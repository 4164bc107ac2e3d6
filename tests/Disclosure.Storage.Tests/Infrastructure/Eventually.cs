namespace Disclosure.Storage.Tests.Infrastructure;

/// <summary>Waiting for what happens in the background (another node, the search index, a queue): the one polling loop tests use.</summary>
public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds, failing if it does not within <paramref name="within"/>; <paramref name="detail"/> adds to the failure message (a node's console output).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, Func<string>? detail = null, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"条件在 {within.TotalSeconds} 秒内未满足。{detail?.Invoke()}");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, TimeSpan, Func{string}?, TimeSpan?)"/>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan within, TimeSpan? poll = null) =>
        HoldsAsync(() => Task.FromResult(condition()), within, null, poll);
}
