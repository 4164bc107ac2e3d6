using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>索引号 and change-log numbers under concurrent publication, each publication in its own scope and transaction.</summary>
public sealed class PublicationConcurrencyTests
{
    private const int Publications = 60;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Concurrent_publications_get_unique_gap_free_index_numbers_and_change_log_sequences(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var ids = Enumerable.Range(1, Publications).Select(i => $"parallel-{i:000}").ToList();
        foreach (var id in ids)
        {
            await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice($"并发发布测试 {id}"), "editor", contentItemId: id));
        }

        // All at once, released together so the publications really overlap.
        using var start = new SemaphoreSlim(0);
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            await start.WaitAsync();
            await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));
        })).ToList();
        start.Release(ids.Count);
        await Task.WhenAll(tasks);

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var numbers = await db.ContentItems.Select(i => i.IndexNumber!).ToListAsync();
            Assert.Equal(Publications, numbers.Distinct().Count());
            var expected = Enumerable.Range(1, Publications).Select(n => $"640121-103/2026-{n:00000}").Order();
            Assert.Equal(expected, numbers.Order());

            var changes = await db.ChangeLog.OrderBy(c => c.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, Publications).Select(n => (long)n), changes.Select(c => c.Sequence));
            Assert.Equal(ids.Order(), changes.Select(c => c.ContentItemId).Order());
            Assert.All(changes, c => Assert.Equal(ChangeKind.Published, c.Kind));
        });
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_change_log_records_publish_update_and_withdraw_in_order(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        Task Run(Func<ContentManager, Task> action) => database.InScopeAsync(sp => action(sp.GetRequiredService<ContentManager>()));

        await Run(m => m.CreateAsync("Disclosure", SampleContent.Notice("甲"), "editor", contentItemId: "item-a"));
        await Run(m => m.CreateAsync("Disclosure", SampleContent.Notice("乙"), "editor", contentItemId: "item-b"));
        await Run(m => m.PublishAsync("item-a", null, "office", SampleContent.PublishedAt));
        await Run(m => m.PublishAsync("item-b", null, "office", SampleContent.PublishedAt.AddMinutes(1)));
        await Run(m => m.SaveDraftAsync("item-a", SampleContent.Notice("甲（修订）"), "editor"));
        await Run(m => m.PublishAsync("item-a", null, "office", SampleContent.PublishedAt.AddMinutes(2)));
        await Run(m => m.WithdrawAsync("item-b", "内容已过时", "office", SampleContent.PublishedAt.AddMinutes(3)));

        var changes = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().ChangesAsync(0, 100));
        Assert.Equal(
            [(1L, "item-a", ChangeKind.Published, 1), (2L, "item-b", ChangeKind.Published, 1), (3L, "item-a", ChangeKind.Updated, 2), (4L, "item-b", ChangeKind.Withdrawn, 1)],
            changes.Select(c => (c.Sequence, c.ContentItemId, c.Kind, c.VersionNumber)));

        var afterTwo = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().ChangesAsync(2, 100));
        Assert.Equal([3L, 4L], afterTwo.Select(c => c.Sequence));
    }
}
