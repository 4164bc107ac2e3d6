using Disclosure.Core.Tables;
using Disclosure.Core.Tests.Credit;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Credit;

/// <summary>草稿 → 已公示 → 已撤回 / 已信用修复 / 公示期满, what the public side sees at each step, and the overdue list.</summary>
public sealed class CreditLifecycleTests
{
    private static async Task<(TestDatabase Database, TestClock Clock)> DatabaseAsync(DatabaseProvider engine, string today)
    {
        var clock = TestClock.At(today);
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        return (database, clock);
    }

    private static Task<long> CreateAsync(TestDatabase database, Dictionary<string, string?> row, CreditRecordKind kind = CreditRecordKind.Penalty) =>
        database.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<CreditRecordStore>();
            var (record, problems) = await store.ParseAsync(CreditSamples.Values(CreditFields.For(kind), row), null);
            Assert.Empty(problems);
            return await store.CreateAsync(record!, "editor");
        });

    private static Task<T> StoreAsync<T>(TestDatabase database, Func<CreditRecordStore, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<CreditRecordStore>()));

    private static Task StoreAsync(TestDatabase database, Func<CreditRecordStore, Task> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<CreditRecordStore>()));

    private static Task<CreditRecordData?> PublicAsync(TestDatabase database, long id, CreditRecordKind kind = CreditRecordKind.Penalty) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CreditPublicQuery>().FindAsync(kind, id));

    private static Task<CreditSearchResult> SearchAsync(TestDatabase database, CreditSearch search, CreditRecordKind kind = CreditRecordKind.Penalty) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CreditPublicQuery>().SearchAsync(kind, search, 1, 20));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Entering_editing_and_deleting_a_draft_are_each_in_the_ledger(DatabaseProvider engine)
    {
        var (database, _) = await DatabaseAsync(engine, "2026-06-16");
        await using var _database = database;
        var id = await CreateAsync(database, CreditSamples.Penalty("永公(杨)行罚决字〔2026〕7号", decided: "2026-06-15"));
        await database.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<CreditRecordStore>();
            var (record, problems) = await store.ParseAsync(CreditSamples.Values(CreditFields.For(CreditRecordKind.Penalty), CreditSamples.Penalty("永公(杨)行罚决字〔2026〕8号", decided: "2026-06-15")), id);
            Assert.Empty(problems);
            await store.UpdateAsync(id, record!, "head");
        });
        await StoreAsync(database, s => s.DeleteDraftAsync(CreditRecordKind.Penalty, id, "office"));

        var entries = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.ContentItemId == $"penalty/{id}").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [("editor", CreditLedgerActions.CreditDraftCreated, "行政处罚 永公(杨)行罚决字〔2026〕7号"), ("head", CreditLedgerActions.CreditDraftEdited, "行政处罚 永公(杨)行罚决字〔2026〕8号"), ("office", CreditLedgerActions.CreditDraftDeleted, "行政处罚 永公(杨)行罚决字〔2026〕8号")],
            entries.Select(e => (e.Actor, e.Action, e.Detail)));
        Assert.All(entries, e => Assert.Equal(64, e.ContentHash!.Length));

        // A refused deletion writes nothing: the change and its record share one transaction.
        var count = entries.Count;
        await Assert.ThrowsAsync<CreditStateException>(() => StoreAsync(database, s => s.DeleteDraftAsync(CreditRecordKind.Penalty, id, "office")));
        Assert.Equal(count, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.CountAsync(e => e.ContentItemId == $"penalty/{id}")));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_penalty_is_public_only_from_publication_until_its_publication_end(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine, "2026-06-16");
        await using var _ = database;
        var id = await CreateAsync(database, CreditSamples.Penalty(decided: "2026-06-15"));
        Assert.Null(await PublicAsync(database, id));

        await StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Penalty, id, "office"));
        var shown = await PublicAsync(database, id);
        Assert.Equal("马**", shown!.Party.Name);
        Assert.Equal(new DateOnly(2027, 6, 15), ((PenaltyData)shown).PublicationEnd);
        Assert.Equal([id], (await SearchAsync(database, new CreditSearch())).Items.Select(i => i.Id));

        clock.Set("2027-06-15");
        Assert.NotNull(await PublicAsync(database, id));
        clock.Set("2027-06-16");
        Assert.Null(await PublicAsync(database, id));
        Assert.Empty((await SearchAsync(database, new CreditSearch())).Items);
        Assert.Equal(1, await StoreAsync(database, async s => (await s.FindAsync(CreditRecordKind.Penalty, id))!.Status == CreditRecordStatus.Published ? 1 : 0));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == CreditLedgerActions.CreditPublish));
        Assert.Equal($"penalty/{id}", ledger.ContentItemId);
        Assert.Equal("行政处罚 永公(杨)行罚决字〔2026〕101号（马**）", ledger.Detail);
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Credit_repair_is_refused_before_the_minimum_period_and_then_removes_the_record(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine, "2026-06-16");
        await using var _ = database;
        var id = await CreateAsync(database, CreditSamples.Penalty(decided: "2026-06-15"));
        await StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Penalty, id, "office"));

        clock.Set("2026-09-15"); // the last day of the 3-month minimum
        var early = await Assert.ThrowsAsync<CreditStateException>(() => StoreAsync(database, s => s.RepairAsync(id, "已履行", "office")));
        Assert.Equal("一般失信信息最短公示 3 个月，2026-09-16 起方可信用修复。", early.Message);
        await Assert.ThrowsAsync<CreditStateException>(() => StoreAsync(database, s => s.RepairAsync(id, "  ", "office")));

        clock.Set("2026-09-16");
        await StoreAsync(database, s => s.RepairAsync(id, "当事人已缴清罚款并作出信用承诺", "office"));
        Assert.Null(await PublicAsync(database, id));
        var row = (CreditPenaltyRecord)(await StoreAsync(database, s => s.FindAsync(CreditRecordKind.Penalty, id)))!;
        Assert.Equal((CreditRecordStatus.Repaired, "当事人已缴清罚款并作出信用承诺", "office"), (row.Status, row.RepairReason, row.RepairedBy));
        var entry = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == CreditLedgerActions.CreditRepair));
        Assert.Equal("行政处罚 永公(杨)行罚决字〔2026〕101号（马**）：当事人已缴清罚款并作出信用承诺", entry.Detail);

        await Assert.ThrowsAsync<CreditStateException>(() => StoreAsync(database, s => s.RepairAsync(id, "再次", "office")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_withdrawn_decision_leaves_public_view_and_its_number_can_be_entered_again(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine, "2026-09-29");
        await using var _ = database;
        var id = await CreateAsync(database, CreditSamples.Licence(decided: "2026-09-28"), CreditRecordKind.Licence);
        await StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Licence, id, "office"));
        Assert.NotNull(await PublicAsync(database, id, CreditRecordKind.Licence));

        // Revoked on 09-30; 3 working days: Thu 10-08, Fri 10-09, Sat 10-10 (worked). Withdrawn on 10-12: late.
        clock.Set("2026-10-12");
        var withdrawal = await StoreAsync(database, s => s.WithdrawAsync(CreditRecordKind.Licence, id, "许可决定已被撤销", new DateOnly(2026, 9, 30), "office"));
        Assert.Equal(new CreditWithdrawal(new DateOnly(2026, 10, 10), Late: true), withdrawal);
        Assert.Null(await PublicAsync(database, id, CreditRecordKind.Licence));
        var entry = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == CreditLedgerActions.CreditWithdraw));
        Assert.EndsWith("应于 2026-10-10 前撤回，已超时）", entry.Detail);

        // The corrected decision under the same number is a new record; the withdrawn one no longer counts as a duplicate.
        var again = await CreateAsync(database, CreditSamples.Licence(decided: "2026-10-09"), CreditRecordKind.Licence);
        Assert.NotEqual(id, again);
        var duplicate = await database.InScopeAsync(sp => sp.GetRequiredService<CreditRecordStore>().ParseAsync(
            CreditSamples.Values(CreditFields.Licence, CreditSamples.Licence("永公（治）许字[2026]第018号", "2026-10-09")), null));
        Assert.Equal(ImportProblemKind.DuplicateInDatabase, Assert.Single(duplicate.Problems).Kind);
        await Assert.ThrowsAsync<CreditStateException>(() => StoreAsync(database, s => s.WithdrawAsync(CreditRecordKind.Licence, again, "草稿", new DateOnly(2026, 10, 9), "office")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Records_that_must_never_go_public_are_refused(DatabaseProvider engine)
    {
        var (database, _) = await DatabaseAsync(engine, "2026-07-01");
        await using var __ = database;
        var minor = CreditSamples.Penalty("M-1");
        minor[CreditFields.IdNumber] = CreditSamples.ResidentId("640121", new DateOnly(2010, 3, 3), 15);
        var secret = CreditSamples.Penalty("S-1");
        secret[CreditFields.InvolvesSecrets] = "是";
        var slight = CreditSamples.Penalty("L-1");
        slight[CreditFields.Severity] = "轻微";

        foreach (var (row, reason) in new[] { (minor, "当事人为未成年人"), (secret, "涉及国家秘密、商业秘密或者个人隐私"), (slight, "轻微失信信息原则上不予公示") })
        {
            var id = await CreateAsync(database, row);
            var refused = await Assert.ThrowsAsync<CreditStateException>(() => StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Penalty, id, "office")));
            Assert.Contains(reason, refused.Message);
            Assert.Null(await PublicAsync(database, id));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Unpublished_records_past_seven_working_days_are_overdue_counted_across_the_holiday(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine, "2026-10-14");
        await using var _ = database;
        var onTime = await CreateAsync(database, CreditSamples.Penalty("P-0929", "2026-09-29"));   // due Wed 10-14
        var earlier = await CreateAsync(database, CreditSamples.Penalty("P-0928", "2026-09-28"));  // due Tue 10-13
        var blocked = CreditSamples.Penalty("P-0901", "2026-09-01");
        blocked[CreditFields.InvolvesSecrets] = "是";
        await CreateAsync(database, blocked);                                                      // never published, never overdue
        var published = await CreateAsync(database, CreditSamples.Penalty("P-0902", "2026-09-02"));
        await StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Penalty, published, "office"));

        async Task<IReadOnlyList<long>> OverdueIdsAsync() => (await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>()
            .ListAsync(new CreditAdminFilter(CreditRecordKind.Penalty, OverdueOnly: true), Disclosure.Core.Security.Actor.System, 1, 50))).Rows.Select(r => r.Id).ToList();

        Assert.Equal([earlier], await OverdueIdsAsync());
        Assert.Equal(1, (await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>().OverdueAsync(Disclosure.Core.Security.Actor.System))).Penalties);

        clock.Set("2026-10-15");
        Assert.Equal([onTime, earlier], await OverdueIdsAsync());
        var all = await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>().ListAsync(new CreditAdminFilter(CreditRecordKind.Penalty), Disclosure.Core.Security.Actor.System, 1, 50));
        Assert.Equal(new DateOnly(2026, 10, 14), all.Rows.Single(r => r.Id == onTime).PublicationDue);
        Assert.NotEmpty(all.Rows.Single(r => r.DecisionNumber == "P-0901").Blocks);
        Assert.False(all.Rows.Single(r => r.DecisionNumber == "P-0901").Overdue);

        // Publishing late is allowed and the ledger says so.
        await StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Penalty, earlier, "office"));
        Assert.Equal([onTime], await OverdueIdsAsync());
        var entry = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.ContentItemId == $"penalty/{earlier}" && e.Action == CreditLedgerActions.CreditPublish).SingleAsync());
        Assert.EndsWith("（超过 7 个工作日的公示时限 2026-10-13）", entry.Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Public_search_matches_names_codes_and_numbers_exactly_or_by_prefix_but_never_a_raw_name_or_id(DatabaseProvider engine)
    {
        var (database, _) = await DatabaseAsync(engine, "2026-07-01");
        await using var __ = database;
        var person = await CreateAsync(database, CreditSamples.Penalty("永公(杨)行罚决字〔2026〕101号"));
        var company = CreditSamples.Penalty("永公(消)行罚决字〔2026〕7号");
        company[CreditFields.PartyName] = "宁夏永宁鑫源化工有限公司";
        company[CreditFields.PartyKind] = "法人及非法人组织";
        company[CreditFields.CreditCode] = CreditSamples.CreditCode("91640121MA76X2K3Q");
        company[CreditFields.LegalRepresentative] = "何志军";
        company[CreditFields.IdType] = null;
        company[CreditFields.IdNumber] = null;
        var companyId = await CreateAsync(database, company);
        foreach (var id in new[] { person, companyId })
        {
            await StoreAsync(database, s => s.PublishAsync(CreditRecordKind.Penalty, id, "office"));
        }

        async Task<long[]> Found(string q, CreditSearchField by, CreditSearchMatch match = CreditSearchMatch.Prefix) =>
            (await SearchAsync(database, new CreditSearch(q, by, match))).Items.Select(i => i.Id).ToArray();

        Assert.Equal([companyId], await Found("宁夏永宁", CreditSearchField.Name));
        Assert.Equal([companyId], await Found("宁夏永宁鑫源化工有限公司", CreditSearchField.Name, CreditSearchMatch.Exact));
        Assert.Empty(await Found("宁夏永宁", CreditSearchField.Name, CreditSearchMatch.Exact));
        Assert.Equal([person], await Found("马**", CreditSearchField.Name, CreditSearchMatch.Exact));
        Assert.Equal([companyId], await Found(company[CreditFields.CreditCode]!.ToLowerInvariant(), CreditSearchField.CreditCode, CreditSearchMatch.Exact));
        Assert.Equal([companyId], await Found("91640121", CreditSearchField.CreditCode));
        Assert.Equal([person], await Found("永公（杨）行罚决字[2026]101号", CreditSearchField.DecisionNumber, CreditSearchMatch.Exact));
        Assert.Equal([companyId, person], await Found("永公", CreditSearchField.DecisionNumber)); // same decision date: newest id first

        // The real name and the ID number are not public, so they find nothing by any field.
        foreach (var by in Enum.GetValues<CreditSearchField>())
        {
            Assert.Empty(await Found("马建国", by));
            Assert.Empty(await Found(CreditSamples.PersonId, by));
            Assert.Empty(await Found(CreditSamples.PersonId, by, CreditSearchMatch.Exact));
        }
    }
}
