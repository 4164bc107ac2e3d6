using Disclosure.Core.Security;
using Disclosure.DataGenerator;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Generator;

/// <summary>
/// The generator's 执法公开 cases: realistic (the kinds in a police bureau's proportions, events in order and never
/// before 受案 or after the last date), the same for the same seed, and written so that the party query finds each
/// case with the 查询码 the seed gives — what the benchmark relies on.
/// </summary>
public sealed class EnforcementGeneratorTests
{
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly DateOnly Last = new(2026, 10, 31);

    [Fact]
    public void Generated_cases_are_plausible_and_the_same_for_the_same_seed()
    {
        var cases = new EnforcementCorpus(3, 5_000, First, Last).Cases().ToList();
        var kinds = cases.GroupBy(c => c.Head.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(kinds["administrative"], 3_300, 3_700);
        Assert.InRange(kinds["criminal"], 1_100, 1_400);
        Assert.All(["reconsideration", "compensation", "petition"], kind => Assert.InRange(kinds.GetValueOrDefault(kind), 1, 200));
        Assert.Equal(cases.Count, cases.Select(c => c.Head.Number).Distinct().Count());
        Assert.Matches("^A640121[0-9]{6}20[0-9]{2}(0[1-9]|1[0-2])[0-9]{4}$", cases.First(c => c.Head.Kind == "criminal").Head.Number);
        Assert.All(cases, c =>
        {
            Assert.InRange(c.Parties.Count, 1, 3);
            Assert.All(c.Parties, p => Assert.True(p.IdNumber is not null || p.Phone is not null));
            Assert.All(c.Parties, p => Assert.Equal(p.Code, TrackingCode.Normalize(p.Code)));
            Assert.InRange(c.Events.Count, 2, 15);
            Assert.Equal("accepted", c.Events[0].Type);
            Assert.Equal(c.Head.AcceptedOn, c.Events[0].FormedOn);
            Assert.All(c.Events, e => Assert.InRange(e.FormedOn, c.Head.AcceptedOn, Last));
            Assert.Equal(c.Events.Select(e => e.FormedOn).Order(), c.Events.Select(e => e.FormedOn));
            Assert.DoesNotContain(c.Events, e => e.VisibleUtc > new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc));
        });
        Assert.InRange(cases.Average(c => c.Events.Count), 9.5, 10.5);
        var events = cases.SelectMany(c => c.Events).ToList();
        Assert.InRange(events.Count(e => e.VisibleUtc is null) / (double)events.Count, 0.005, 0.05);

        static string Fingerprint(int seed) => string.Join("|", new EnforcementCorpus(seed, 200, First, Last).Cases()
            .Select(c => $"{c.Head.Number},{string.Join(",", c.Parties.Select(p => $"{p.Name}{p.IdNumber}{p.Phone}{p.Code}"))},{string.Join(",", c.Events.Select(e => $"{e.Type}{e.FormedOn}{e.VisibleUtc}"))}"));
        Assert.Equal(Fingerprint(7), Fingerprint(7));
        Assert.NotEqual(Fingerprint(7), Fingerprint(8));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Generated_cases_are_written_in_bulk_and_found_by_the_party_query_with_their_derived_codes(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: new TestClock(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8))));
        await database.ApplySetupAndDemoOfficeAsync();
        var corpus = new EnforcementCorpus(5, EnforcementFiller.BatchSize + 150, First, Last);
        var filler = new EnforcementFiller(() => database.Services.CreateScope().ServiceProvider.GetRequiredService<DisclosureDbContext>(), TextWriter.Null);
        await filler.FillAsync(corpus, CancellationToken.None);

        var generated = corpus.Cases().ToList();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Equal(corpus.Size, await db.Set<EnforcementCaseRecord>().CountAsync());
            Assert.Equal(generated.Sum(c => c.Events.Count), await db.Set<CaseEventRecord>().CountAsync());
            Assert.Equal(generated.Sum(c => c.Parties.Count), await db.Set<CasePartyContactRecord>().CountAsync());
            var kinds = await sp.GetRequiredService<CaseKindStore>().GetAsync();
            var query = sp.GetRequiredService<PartyCaseQuery>();
            foreach (var sample in generated.Where((_, i) => i % 97 == 5))
            {
                var party = sample.Parties[^1];
                var view = await query.FindAsync(sample.Head.Number, TrackingCode.Format(party.Code), party.QueryTail);
                Assert.NotNull(view);
                var sees = kinds.Find(sample.Head.Kind)!.FindRole(party.Role)!.Sees;
                Assert.Equal(sample.Events.Count(e => e.VisibleUtc is not null && sees.Contains(e.Type)), view.Events.Count);
                Assert.Equal(sample.Stage, await db.Set<EnforcementCaseRecord>().Where(c => c.Number == sample.Head.Number).Select(c => c.StageCode).SingleAsync());
                var wrongTail = new[] { "0000", "1111", "2222" }.First(t => t != CaseText.Tail(party.IdNumber) && t != CaseText.Tail(party.Phone));
                Assert.Null(await query.FindAsync(sample.Head.Number, TrackingCode.Format(party.Code), wrongTail));
            }

            return true;
        });

        // A second run of the same corpus is refused instead of writing the cases twice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => filler.FillAsync(corpus, CancellationToken.None));
    }
}
