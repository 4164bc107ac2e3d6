using Disclosure.Core.ContentManagement;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.DataGenerator;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Generator;

/// <summary>
/// The data generator's 双公示 records and applications go through the real importers: they must pass every check,
/// cover what the annual report counts, and be the same for the same seed.
/// </summary>
public sealed class DataGeneratorTests
{
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly DateOnly Last = new(2026, 10, 31);

    [Fact]
    public void The_same_seed_gives_the_same_records_and_another_seed_different_ones()
    {
        static string Fingerprint(int seed) => string.Join("|",
            new RequestCorpus(seed, First, Last).Requests(50).Select(r => $"{r.Number},{r.TrackingCode},{r.ReceivedOn},{r.Outcome},{r.Details.Applicant.IdNumber}")
                .Concat(new CreditCorpus(seed, First, Last).Penalties(50).Select(row => string.Join(",", row))));

        Assert.Equal(Fingerprint(7), Fingerprint(7));
        Assert.NotEqual(Fingerprint(7), Fingerprint(8));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Generated_items_are_published_with_their_versions_change_log_and_unique_index_numbers(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var before = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().ChangesAsync(0, 100_000));
        var corpus = new Corpus(Path.Combine(RepositoryPaths.Recipes, "setup.json"), DatabaseFiller.BatchSize + 300, seed: 5);
        await new DatabaseFiller(() => database.Services.CreateScope().ServiceProvider.GetRequiredService<DisclosureDbContext>(), TextWriter.Null)
            .FillAsync(corpus, CancellationToken.None);

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var generated = db.ContentItems.Where(i => i.CreatedBy == "generator");
            Assert.Equal(corpus.Size, await generated.CountAsync());
            Assert.Equal(corpus.Size, await db.ContentVersions.CountAsync(v => v.CreatedBy == "generator" && v.Status == ContentStatus.Published && v.Number == 1));
            Assert.Equal(corpus.Size, await generated.Select(i => i.IndexNumber).Distinct().CountAsync());

            // The change log continues without a gap, so every node's cache and search index pick the items up.
            var changes = await sp.GetRequiredService<PublishedContentQuery>().ChangesAsync(0, 100_000);
            Assert.Equal(before.Count + corpus.Size, changes.Count);
            Assert.Equal(Enumerable.Range(1, changes.Count).Select(n => (long)n), changes.Select(c => c.Sequence));

            var sample = corpus.Items().Skip(DatabaseFiller.BatchSize + 7).First();
            var shown = await sp.GetRequiredService<PublishedContentQuery>().FindPublicAsync(sample.Id);
            Assert.NotNull(shown);
            Assert.Equal(sample.Data.Title, shown.Version.Title);
            return true;
        });

        // A second run with the same seed is refused instead of writing the items twice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => new DatabaseFiller(() => database.Services.CreateScope().ServiceProvider.GetRequiredService<DisclosureDbContext>(), TextWriter.Null)
            .FillAsync(corpus, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_generated_tree_of_100_agencies_goes_in_through_the_recipe_and_owns_every_generated_item(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync([GeneratedAgencies.Recipe(RepositoryPaths.Recipes, 100)]));
        var tree = GeneratedAgencies.Tree(100);
        var corpus = new Corpus(Path.Combine(RepositoryPaths.Recipes, "setup.json"), 400, seed: 9, tree, GeneratedAgencies.Weights(tree));
        await new DatabaseFiller(() => database.Services.CreateScope().ServiceProvider.GetRequiredService<DisclosureDbContext>(), TextWriter.Null)
            .FillAsync(corpus, CancellationToken.None);

        await database.InScopeAsync(async sp =>
        {
            // 1 厅, 9 市局, 90 县局 of ten a city, under the root, beside the demo office's own agencies.
            var agencies = await sp.GetRequiredService<AgencyDirectory>().TreeAsync();
            var root = agencies.Find("620000-103");
            Assert.NotNull(root);
            Assert.Null(root.Agency.ParentCode);
            Assert.Equal(100, agencies.SubtreeCodes("620000-103").Count);
            Assert.Equal(9, agencies.All().Count(a => a.Agency.ParentCode == "620000-103"));
            Assert.All(agencies.All().Where(a => a.Agency.ParentCode == "620000-103"), city => Assert.Equal(11, agencies.SubtreeCodes(city.Agency.Code).Count));
            Assert.Equal(100, tree.Select(a => a.Code).Distinct().Count());

            // Every generated item belongs to an agency of the tree, and they are spread: the root most, no agency all.
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var owners = await db.ContentItems.Where(i => i.CreatedBy == "generator").GroupBy(i => i.AgencyCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(corpus.Size, owners.Sum(o => o.Count));
            Assert.All(owners, o => Assert.Contains(o.Key, tree.Select(a => a.Code)));
            Assert.True(owners.Count > 50, $"{owners.Count} agencies own items");
            Assert.Equal("620000-103", owners.MaxBy(o => o.Count)!.Key);
            Assert.True(await db.ContentVersions.Where(v => v.CreatedBy == "generator").AllAsync(v => v.AgencyCode == v.Item.AgencyCode));

            // Each agency numbers its own 索引号 with its own area code.
            var sample = await db.ContentItems.Where(i => i.CreatedBy == "generator" && i.AgencyCode == "620101-103").Select(i => i.IndexNumber).FirstAsync();
            Assert.StartsWith("620101-103/", sample);
            return true;
        });
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Generated_records_pass_the_importers_cover_every_outcome_and_are_not_added_twice(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: new TestClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8))));
        await database.ApplySetupAndDemoOfficeAsync();

        async Task<(int Credit, int Requests)> GenerateAsync() => await database.InScopeAsync(async sp =>
        {
            var credit = new CreditCorpus(3, First, Last, "G3-");
            var importer = sp.GetRequiredService<CreditImporter>();
            var options = new CreditImportOptions { SkipExisting = true, PublishAfterWorkingDays = 5 };
            var licences = await importer.ImportAsync(CreditRecordKind.Licence, () => new GeneratedTable(CreditCorpus.Headers(CreditRecordKind.Licence), credit.Licences(150)), "generator", "generator", options);
            var penalties = await importer.ImportAsync(CreditRecordKind.Penalty, () => new GeneratedTable(CreditCorpus.Headers(CreditRecordKind.Penalty), credit.Penalties(150)), "generator", "generator", options);
            Assert.True(licences.Report.IsClean, string.Join("；", licences.Report.Problems.Take(3)));
            Assert.True(penalties.Report.IsClean, string.Join("；", penalties.Report.Problems.Take(3)));
            var requests = await sp.GetRequiredService<RequestImporter>().ImportAsync(new RequestCorpus(3, First, Last).Requests(1_500));
            return (licences.Imported + penalties.Imported, requests);
        });

        Assert.Equal((300, 1_500), await GenerateAsync());
        Assert.Equal((0, 0), await GenerateAsync());

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var outcomes = await db.Set<InformationRequestRecord>().Where(r => r.Outcome != null).Select(r => r.Outcome!.Value).Distinct().ToListAsync();
            Assert.Equal(RequestOutcomes.All.Count, outcomes.Count);
            Assert.True(await db.Set<InformationRequestRecord>().AnyAsync(r => r.Stage != RequestStage.Closed));
            var applicantKinds = await db.Set<InformationRequestRecord>().Select(r => r.Kind).Distinct().CountAsync();
            Assert.Equal(Enum.GetValues<ApplicantKind>().Length, applicantKinds);
            var appeals = await db.Set<RequestAppealRecord>().Select(a => new { a.Kind, a.Result }).Distinct().CountAsync();
            Assert.Equal(3 * 4, appeals);

            // Every year's table 三 adds up, and a year's carry-out is the next year's carry-in.
            var statistics = sp.GetRequiredService<RequestStatistics>();
            var agencies = await db.Agencies.Select(a => a.Code).ToListAsync();
            var table2024 = await statistics.ApplicationTableAsync(agencies, 2024);
            var table2025 = await statistics.ApplicationTableAsync(agencies, 2025);
            Assert.Empty(table2024.CheckConsistency());
            Assert.Empty(table2025.CheckConsistency());
            Assert.True(table2025.NewApplications.Counts.Total > 400);
            Assert.Equal(table2024.CarriedForward.Counts.Total, table2025.CarriedOver.Counts.Total);
            Assert.True(await db.Set<CreditPenaltyRecord>().CountAsync(r => r.Status == CreditRecordStatus.Published) > 100);
            return true;
        });
    }
}
