using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Credit;

/// <summary>The demo's 永宁县公安局 双公示 records, imported by demo.json through the import format.</summary>
public sealed class CreditDemoTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_demo_imports_hundreds_of_records_publishes_what_may_go_public_and_changes_nothing_when_applied_again(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: new TestClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8))));
        await database.ApplyRecipesAsync("setup.json", "demo.json");
        var first = await CountsAsync(database);
        await database.ApplyRecipesAsync("setup.json", "demo.json");
        Assert.Equal(first, await CountsAsync(database));

        Assert.Equal(110, first.Licences);
        Assert.Equal(259 + 3, first.Penalties); // 永宁县公安局's, and three of 伊金霍洛旗公安局
        Assert.True(first.Licences + first.Penalties >= 300);

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            // Minors (found from their ID numbers), the privacy case and 轻微 warnings stay unpublished.
            Assert.Equal(3, await db.Set<CreditPenaltyRecord>().CountAsync(r => r.PartyIsMinor && r.Status == CreditRecordStatus.Draft));
            Assert.Equal(1, await db.Set<CreditPenaltyRecord>().CountAsync(r => r.InvolvesSecrets && r.Status == CreditRecordStatus.Draft));
            Assert.False(await db.Set<CreditPenaltyRecord>().AnyAsync(r => r.Severity == Severity.Minor && r.Status != CreditRecordStatus.Draft));
            Assert.True(await db.Set<CreditPenaltyRecord>().CountAsync(r => r.Status == CreditRecordStatus.Published) > 200);
            Assert.True(await db.Set<CreditLicenceRecord>().AllAsync(r => r.Status == CreditRecordStatus.Published));

            // Published on the second working day after the decision, never later than now.
            var calendar = await sp.GetRequiredService<Disclosure.Core.Calendar.IWorkingDayCalendarSource>().GetCalendarAsync();
            foreach (var record in await db.Set<CreditPenaltyRecord>().Where(r => r.Status == CreditRecordStatus.Published).OrderBy(r => r.Id).Take(20).ToListAsync())
            {
                Assert.Equal(calendar.AddWorkingDays(record.DecisionDate, 2).Value, DateOnly.FromDateTime(record.PublishedUtc!.Value.AddHours(8)));
            }
        });

        // The pending file: two past their 7 working days, three still within them.
        var overdue = await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>().OverdueAsync(Disclosure.Core.Security.Actor.System));
        Assert.Equal((0, 2), (overdue.Licences, overdue.Penalties));

        // The public side shows only what is public today: no draft, no minor, no expired penalty.
        var shown = await database.InScopeAsync(sp => sp.GetRequiredService<CreditPublicQuery>().CountAsync(CreditRecordKind.Penalty));
        var expected = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CreditPenaltyRecord>()
            .CountAsync(r => r.Status == CreditRecordStatus.Published && r.PublicationEnd >= new DateOnly(2026, 11, 23)));
        Assert.True(shown > 50 && shown == expected, $"{shown} public of {expected}");
    }

    private static Task<(int Licences, int Penalties, int Ledger)> CountsAsync(TestDatabase database) => database.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DisclosureDbContext>();
        return (await db.Set<CreditLicenceRecord>().CountAsync(), await db.Set<CreditPenaltyRecord>().CountAsync(), await db.Ledger.CountAsync());
    });
}
