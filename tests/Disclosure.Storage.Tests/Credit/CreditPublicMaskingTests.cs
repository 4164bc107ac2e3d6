using Disclosure.Core.Tests.Credit;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Credit;

/// <summary>
/// What the public side (the record page reads <see cref="CreditPublicQuery.FindAsync"/>, the API's lists <see cref="CreditPublicQuery.ListAsync"/>) gets of a 双公示 record's free
/// text: no natural person named in the record, in any spelling, and no name or number the secrecy scan finds.
/// </summary>
public sealed class CreditPublicMaskingTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_public_copy_masks_every_person_in_the_free_text(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-06-16"));
        await database.ApplySetupAndDemoOfficeAsync();
        var row = CreditSamples.Penalty(decided: "2026-06-15");
        row[CreditFields.ViolationFacts] = "当事人马 建国酒后殴打受害人李小龙，证人：欧阳娜娜；建国称其不知情。";
        row[CreditFields.Remarks] = "马　建国手机13909512345。";
        var id = await database.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<CreditRecordStore>();
            var (record, problems) = await store.ParseAsync(CreditSamples.Values(CreditFields.Penalty, row), null);
            Assert.Empty(problems);
            var created = await store.CreateAsync(record!, "editor");
            await store.PublishAsync(CreditRecordKind.Penalty, created, "office");
            return created;
        });

        var (shown, listed) = await database.InScopeAsync(async sp =>
        {
            var query = sp.GetRequiredService<CreditPublicQuery>();
            return ((PenaltyData)(await query.FindAsync(CreditRecordKind.Penalty, id))!,
                (PenaltyData)(await query.ListAsync(CreditRecordKind.Penalty, new CreditSearch(), 1, 20)).Items.Single().Record);
        });

        foreach (var penalty in new[] { shown, listed })
        {
            Assert.Equal("当事人马**酒后殴打受害人李**，证人：欧阳**；**称其不知情。", penalty.ViolationFacts);
            Assert.Equal("马**手机139****2345。", penalty.Remarks);
            Assert.Equal("马**", penalty.Party.Name);
        }
    }
}
