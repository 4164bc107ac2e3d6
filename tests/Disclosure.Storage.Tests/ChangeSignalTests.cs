using Disclosure.Storage.Changes;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>The change signal fires after a commit that grew the change log, and never for one rolled back or one that did not.</summary>
public sealed class ChangeSignalTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_committed_change_log_writes_pulse_the_signal(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var signal = database.Services.GetRequiredService<ChangeSignal>();
        var pulses = 0;
        signal.Changed += () => Interlocked.Increment(ref pulses);

        // A draft writes no change-log row: no pulse.
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor"));
        var id = (await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.SingleAsync())).ContentItemId;
        Assert.Equal(0, pulses);

        var waiting = signal.WaitAsync(CancellationToken.None);
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));
        Assert.Equal(1, pulses);
        Assert.True(waiting.IsCompleted);

        // Published inside an outer transaction that is rolled back: nothing happened, so nothing is signalled.
        await database.RolledBackAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync(id, "测试回滚", "office"));
        Assert.Equal(1, pulses);

        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync(id, "内容已过时", "office"));
        Assert.Equal(2, pulses);
    }
}
