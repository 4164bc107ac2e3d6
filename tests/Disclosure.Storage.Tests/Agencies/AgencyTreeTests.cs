using Disclosure.Core.Security;
using Disclosure.Interaction.Mailbox;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Agencies;

/// <summary>The agency tree (集约化) and the scope it gives: who sees which agency's records, and how far a public list reaches.</summary>
public sealed class AgencyTreeTests
{
    private static AgencyRecord Agency(string code, string? parent, int position = 0) =>
        new() { Code = code, Name = "机构" + code, AreaCode = "150600", DepartmentCode = "103", ParentCode = parent, Position = position };

    [Fact]
    public void The_tree_orders_siblings_reaches_down_and_walks_up()
    {
        var tree = new AgencyTree(
        [
            Agency("county-b", "city", position: 2), Agency("city", "region"), Agency("county-a", "city", position: 1),
            Agency("station", "county-a"), Agency("region", null), Agency("other", null, position: 1), Agency("another", null, position: 1),
        ]);

        Assert.Equal(["region", "another", "other"], tree.Roots.Select(r => r.Code)); // by position, then by code
        Assert.Equal(["region", "city", "county-a", "station", "county-b", "another", "other"], tree.All().Select(n => n.Code));
        Assert.Equal(["city", "county-a", "station", "county-b"], tree.SubtreeCodes("city"));
        Assert.Equal(["city"], tree.Reach("city", AgencyReach.Own));
        Assert.Equal(["city", "county-a", "station", "county-b"], tree.Reach("city", AgencyReach.WithSubordinates));
        Assert.Null(tree.Reach("city", AgencyReach.All));
        Assert.Empty(tree.Reach("nowhere", AgencyReach.Own)!);
        Assert.Empty(tree.SubtreeCodes("nowhere"));
        Assert.Equal(["region", "city", "county-a", "station"], tree.PathTo("station").Select(a => a.Code));
        Assert.True(tree.IsWithin("station", "city"));
        Assert.False(tree.IsWithin("county-b", "county-a"));
        Assert.False(tree.IsWithin("city", "station"));
        Assert.Equal(3, tree.Find("station")!.Depth);
    }

    [Fact]
    public void A_missing_parent_or_a_cycle_shows_the_agency_as_a_root_rather_than_losing_it()
    {
        var tree = new AgencyTree([Agency("a", "b"), Agency("b", "a"), Agency("orphan", "gone"), Agency("c", "a")]);
        Assert.Equal(4, tree.Count);
        Assert.Equal(["a", "b", "c", "orphan"], tree.Roots.Select(r => r.Code).Order());
        Assert.Equal(["c"], tree.PathTo("c").Select(a => a.Code)); // its parent is in a cycle: it starts a tree of its own
        Assert.Equal(["orphan"], tree.PathTo("orphan").Select(a => a.Code));
    }

    [Theory]
    [InlineData(null, AgencyReach.Own)]
    [InlineData("", AgencyReach.Own)]
    [InlineData("own", AgencyReach.Own)]
    [InlineData(" SUBTREE ", AgencyReach.WithSubordinates)]
    [InlineData("all", AgencyReach.All)]
    [InlineData("everything", null)]
    public void The_reach_parameter_is_read_strictly(string? value, AgencyReach? expected) =>
        Assert.Equal(expected, AgencyReaches.Parse(value));

    [Fact]
    public void Staff_of_an_agency_see_only_its_records_and_installation_staff_see_all()
    {
        var ownStaff = new Actor("office-yj", new HashSet<string> { RoleNames.InformationOffice }) { AgencyCode = "150627-103" };
        Assert.True(AgencyScope.MaySee(ownStaff, "150627-103"));
        Assert.False(AgencyScope.MaySee(ownStaff, "150600-103")); // not even the parent's
        Assert.False(AgencyScope.MaySee(ownStaff, "640121-103"));
        Assert.True(AgencyScope.MaySee(Actor.System, "640121-103"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Scoped_queries_return_the_agencys_rows_only(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-11-23"));
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.AddRange(Letter("XJ2026-000001", "640121-103"), Letter("XJ2026-000002", "150627-103"), Letter("XJ2026-000003", "150627-103"));
            return await db.SaveChangesAsync();
        });

        var numbers = await database.InScopeAsync(async sp =>
        {
            var letters = sp.GetRequiredService<DisclosureDbContext>().Set<LetterRecord>().AsNoTracking();
            var yijinhuoluo = new Actor("office-yj", new HashSet<string>()) { AgencyCode = "150627-103" };
            return (Own: await letters.VisibleTo(yijinhuoluo).Select(l => l.Number).OrderBy(n => n).ToListAsync(),
                    All: await letters.VisibleTo(Actor.System).CountAsync());
        });
        Assert.Equal(["XJ2026-000002", "XJ2026-000003"], numbers.Own);
        Assert.Equal(3, numbers.All);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_bulk_path_refuses_a_row_without_an_agency_too(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-11-23"));
        await database.ApplySetupAndDemoOfficeAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InScopeAsync(async sp =>
        {
            await using var insert = new BulkInsert<LetterRecord>(sp.GetRequiredService<DisclosureDbContext>());
            await insert.AddAsync(Letter("XJ2026-000009", string.Empty), CancellationToken.None);
            return 0;
        }));
        Assert.Contains("未指定所属机构", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_record_without_an_agency_is_refused_on_save(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-11-23"));
        await database.ApplySetupAndDemoOfficeAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.Add(new LetterRecord
            {
                Number = "XJ2026-999999", TrackingCode = "T00000000009", Subject = "无主来信", Body = "没有机构的来信。",
                ReceivedOn = new DateOnly(2026, 11, 23), ReceivedMonth = 202611, ReceivedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("未指定所属机构", refused.Message);
        Assert.Equal(0, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LetterRecord>().CountAsync()));

        // Nor may a saved record lose its agency.
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.Add(Letter("XJ2026-000008", "640121-103"));
            return await db.SaveChangesAsync();
        });
        var cleared = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            (await db.Set<LetterRecord>().SingleAsync()).AgencyCode = " ";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("未指定所属机构", cleared.Message);
        Assert.Equal("640121-103", await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LetterRecord>().Select(l => l.AgencyCode).SingleAsync()));
    }

    private static LetterRecord Letter(string number, string agency) => new()
    {
        AgencyCode = agency, Number = number, TrackingCode = "T" + number[^11..].Replace("-", "0"), Subject = "来信", Body = "来信正文。",
        ReceivedOn = new DateOnly(2026, 11, 23), ReceivedMonth = 202611, ReceivedUtc = DateTime.UtcNow,
    };
}
