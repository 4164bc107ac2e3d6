using Disclosure.Core.Calendar;
using Disclosure.Core.Recipes;
using Disclosure.Modules;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Calendar;

/// <summary>The calendar in the database, on SQLite and PostgreSQL: import, round trip, edits, cache.</summary>
public sealed class CalendarStoreTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Task<WorkingDayCalendar> CalendarAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CalendarStore>().GetCalendarAsync());

    private static Task<T> StoreAsync<T>(TestDatabase database, Func<CalendarStore, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<CalendarStore>()));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Setup_imports_the_shipped_years_and_reads_them_back_unchanged(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");

        var shipped = InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, "setup.json")).Steps.OfType<CalendarStep>().Single().Years;
        var stored = await CalendarAsync(database);
        Assert.Equal([2025, 2026], stored.CoveredYears);
        foreach (var year in shipped)
        {
            Assert.Equal(year.Days, stored.GetYear(year.Year)!.Days);
            Assert.Equal(year.Source, stored.GetYear(year.Year)!.Source);
        }

        // The 国庆 2025 deadline from the storage round trip: Thu 10-09, Fri 10-10, Sat 10-11 worked.
        Assert.Equal(D(2025, 10, 11), stored.AddWorkingDays(D(2025, 9, 30), 3).Value);

        // Applying the recipe again changes nothing, not even the version counter.
        var version = await VersionAsync(database);
        await database.ApplyRecipesAsync("setup.json");
        Assert.Equal(version, await VersionAsync(database));
        Assert.Equal(61 + 11, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().CalendarDays.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_edit_changes_the_computed_deadline_and_is_recorded(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");
        var before = await CalendarAsync(database);
        Assert.Equal(D(2026, 10, 10), before.AddWorkingDays(D(2026, 9, 30), 3).Value); // Thu 8, Fri 9, Sat 10 worked

        // A local extra day off on Thursday 10-08: Fri 9, Sat 10, Mon 12.
        Assert.Null(await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2026, 10, 8), CalendarDayKind.Holiday, "国庆节"), "县政府通知", "office")));
        var after = await CalendarAsync(database);
        Assert.NotSame(before, after);
        Assert.Equal(D(2026, 10, 12), after.AddWorkingDays(D(2026, 9, 30), 3).Value);
        Assert.Equal(D(2026, 10, 10), before.AddWorkingDays(D(2026, 9, 30), 3).Value); // a calendar already handed out never changes

        // Saturday 10-10 no longer worked: Fri 9, Mon 12, Tue 13.
        Assert.True(await StoreAsync(database, s => s.RemoveDayAsync(D(2026, 10, 10), "office")));
        Assert.False(await StoreAsync(database, s => s.RemoveDayAsync(D(2026, 10, 10), "office")));
        Assert.Equal(D(2026, 10, 13), (await CalendarAsync(database)).AddWorkingDays(D(2026, 9, 30), 3).Value);

        var day = await StoreAsync(database, async s => (await s.GetDaysAsync(2026)).Single(d => d.Date == D(2026, 10, 8)));
        Assert.Equal(("国庆节", "县政府通知", "office", CalendarDayKind.Holiday), (day.Name, day.Source, day.UpdatedBy, day.Kind));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail, e.Actor }).ToListAsync());
        Assert.Equal(
            [
                (LedgerActions.CalendarDayAdded, "2026-10-08 放假（国庆节）"),
                (LedgerActions.CalendarDayRemoved, "2026-10-10 调休上班（国庆节）"),
            ],
            ledger.Select(e => (e.Action, e.Detail!)));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_refused_edit_says_why_and_changes_nothing(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");
        var version = await VersionAsync(database);

        Assert.Equal("2026-03-04 是星期三，本来就是工作日；调休上班日只能是星期六或星期日。",
            await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2026, 3, 4), CalendarDayKind.AdjustedWorkingDay, "春节"), null, "office")));
        Assert.Equal("2026-10-01 已列为放假日（国庆节），不能重复添加。",
            await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"), null, "office")));
        Assert.Equal("2026-10-10 已列为调休上班日（国庆节），同一天不能既放假又调休上班。",
            await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2026, 10, 10), CalendarDayKind.Holiday, "国庆节"), null, "office")));
        Assert.Equal("请填写节日名称，例如 春节。",
            await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2026, 10, 8), CalendarDayKind.Holiday, " "), null, "office")));
        Assert.StartsWith("2027 年的节假日安排尚未导入",
            await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2027, 1, 1), CalendarDayKind.Holiday, "元旦"), null, "office")));

        Assert.Equal(version, await VersionAsync(database));
        Assert.Equal(72, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().CalendarDays.CountAsync()));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AnyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Next_year_is_imported_whole_and_replaced_only_when_asked(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");
        Assert.True((await CalendarAsync(database)).AddWorkingDays(D(2026, 12, 31), 1).IsProvisional);

        var (first, errors) = CalendarText.Parse(2027, "2027-01-01 放假 元旦\n2027-02-06 至 2027-02-12 放假 春节\n2027-02-14 上班 春节", "国办发明电〔2026〕9号");
        Assert.Empty(errors);
        Assert.Null(await StoreAsync(database, s => s.ImportYearAsync(first!, replace: false, "office")));
        var calendar = await CalendarAsync(database);
        var deadline = calendar.AddWorkingDays(D(2026, 12, 31), 1);
        Assert.Equal((D(2027, 1, 4), false), (deadline.Value, deadline.IsProvisional)); // Fri 01-01 is now a holiday
        Assert.Equal("国办发明电〔2026〕9号", calendar.GetYear(2027)!.Source);

        var (second, _) = CalendarText.Parse(2027, "2027-01-01 放假 元旦", "国办发明电〔2026〕10号");
        Assert.Equal("2027 年已有 9 个日期。如要用导入的内容整体替换，请勾选“替换该年已有安排”。",
            await StoreAsync(database, s => s.ImportYearAsync(second!, replace: false, "office")));
        Assert.Equal(9, (await CalendarAsync(database)).GetYear(2027)!.Days.Count);

        Assert.Null(await StoreAsync(database, s => s.ImportYearAsync(second!, replace: true, "office")));
        Assert.Equal([new CalendarDay(D(2027, 1, 1), CalendarDayKind.Holiday, "元旦")], (await CalendarAsync(database)).GetYear(2027)!.Days);
        Assert.Equal(61 + 11 + 1, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().CalendarDays.CountAsync()));

        var details = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync());
        Assert.Equal(
            ["2027 年（国办发明电〔2026〕9号）：放假 8 天，调休上班 1 天", "2027 年（国办发明电〔2026〕10号）：放假 1 天，调休上班 0 天，替换原有 9 个日期"],
            details);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Another_node_sees_an_edit_on_its_next_read(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");

        // A second web node: its own service provider, hence its own singleton cache, on the same database.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDisclosureStorage(database.Options).AddDisclosureModules(InstalledModules.All);
        await using var otherNode = services.BuildServiceProvider();
        async Task<WorkingDayCalendar> ReadOnOtherNodeAsync()
        {
            await using var scope = otherNode.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetCalendarAsync();
        }

        var cached = await ReadOnOtherNodeAsync();
        Assert.Same(cached, await ReadOnOtherNodeAsync());

        Assert.Null(await StoreAsync(database, s => s.AddDayAsync(new CalendarDay(D(2026, 3, 2), CalendarDayKind.Holiday, "地方节日"), null, "office")));
        var fresh = await ReadOnOtherNodeAsync();
        Assert.NotSame(cached, fresh);
        Assert.True(cached.IsWorkingDay(D(2026, 3, 2)));
        Assert.False(fresh.IsWorkingDay(D(2026, 3, 2)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_empty_database_has_an_empty_calendar_that_reports_every_year(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var calendar = await CalendarAsync(database);
        Assert.Empty(calendar.CoveredYears);
        Assert.Equal([2026], calendar.CountWorkingDays(D(2026, 1, 1), D(2026, 1, 31)).UncoveredYears);
    }

    private static Task<long> VersionAsync(TestDatabase database) => database.InScopeAsync(sp =>
        sp.GetRequiredService<DisclosureDbContext>().Counters.Where(c => c.Name == CalendarStore.VersionCounter).Select(c => c.Value).SingleOrDefaultAsync());
}
