using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>
/// The 台账 heads an outsider is given: one per Beijing day, its last entry; and the <c>序号:哈希</c> text a head is
/// handed back in, which must be read exactly or not at all.
/// </summary>
public sealed class LedgerHeadsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_Beijing_day_is_headed_by_its_last_entry_newest_day_first(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var writer = sp.GetRequiredService<LedgerWriter>();
            foreach (var utc in new[] { "2026-03-01T02:00:00Z", "2026-03-01T15:59:59Z", "2026-03-01T16:00:00Z", "2026-03-03T01:00:00Z", "2026-03-03T03:00:00Z" })
            {
                var when = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                await db.InTransactionAsync(() => writer.AppendAsync("office", LedgerActions.Publish, "item", 1, new string('c', 64), null, default, when), default);
            }
        });
        var hashes = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync());

        var all = await DailyAsync(site, null);
        // 16:00 UTC is midnight in Beijing: the third entry opens 2 March, the second closes 1 March.
        Assert.Equal(
            [new DailyHead(new DateOnly(2026, 3, 3), 5, hashes[4]), new DailyHead(new DateOnly(2026, 3, 2), 3, hashes[2]), new DailyHead(new DateOnly(2026, 3, 1), 2, hashes[1])],
            all);
        Assert.Equal(new LedgerHead(5, hashes[4]), all[0].Head);
        Assert.Equal(all.Take(2), await DailyAsync(site, 2));
        Assert.Equal(all.Take(1), await DailyAsync(site, 1));
        Assert.Empty(await DailyAsync(site, 0));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_empty_ledger_has_no_daily_heads(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        Assert.Empty(await DailyAsync(site, null));
    }

    [Fact]
    public void A_head_is_read_from_its_sequence_and_hash_and_written_back_the_same_way()
    {
        var hash = "0123456789abcdefABCDEF" + new string('9', 42);

        Assert.True(LedgerHead.TryParse($"  42:{hash}\n", out var head));
        Assert.Equal(new LedgerHead(42, hash.ToLowerInvariant()), head);
        Assert.Equal($"42:{hash.ToLowerInvariant()}", head.ToString());
        Assert.Equal(new LedgerHead(0, LedgerWriter.GenesisHash), LedgerHead.Genesis);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("42:")]
    [InlineData(":0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("-1:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("+1:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1 :0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("x:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1:000000000000000000000000000000000000000000000000000000000000000")]   // 63 characters
    [InlineData("1:00000000000000000000000000000000000000000000000000000000000000000")] // 65 characters
    [InlineData("1:000000000000000000000000000000000000000000000000000000000000000g")]  // not hex
    [InlineData("1:0000000000000000000000000000000000000000000000000000000000000000:2")]
    public void Anything_else_is_not_a_head(string? text)
    {
        Assert.False(LedgerHead.TryParse(text, out var head));
        Assert.Null(head);
    }

    private static Task<IReadOnlyList<DailyHead>> DailyAsync(TestDatabase site, int? days) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LedgerHeads>().DailyAsync(days, default));
}
