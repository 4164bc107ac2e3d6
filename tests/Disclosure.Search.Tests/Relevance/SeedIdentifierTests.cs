using System.Text.Json;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Search.Tests.Relevance;

/// <summary>
/// The customer's seed documents in the demo keep the 索引号, 文号 and dates they were published under (seed 003 shows
/// 640121-103/2017-48967, 永公(办)发【2017】28号, 2017年03月29日; seed 004 发布时间 2015-04-03 11:02), and a look-up by
/// that 索引号 finds the item first.
/// </summary>
[Collection(RelevanceCorpora.Name)]
public sealed class SeedIdentifierTests(RelevanceFixture fixture)
{
    [Fact]
    public void The_seed_documents_keep_their_index_number_document_number_and_dates()
    {
        Assert.Equal("640121-103/2017-48967", fixture.DemoIndexNumbers["yongning-2017-implementation-plan"]);

        // Looked up by identifier, not by text, so that this holds whatever the text analysis does.
        var plan = fixture.Demo.Find("永公(办)发【2017】28号").Hits[0];
        Assert.Equal("yongning-2017-implementation-plan", plan.Id);
        Assert.Equal("640121-103/2017-48967", plan.IndexNumber);
        Assert.Equal(new DateTime(2017, 3, 29, 2, 0, 0, DateTimeKind.Utc), plan.PublishedUtc);

        var report = fixture.Demo.Find(fixture.DemoIndexNumbers["neimenggu-2014-annual-report"]).Hits[0];
        Assert.Equal("neimenggu-2014-annual-report", report.Id);
        Assert.Equal(new DateTime(2015, 4, 3, 3, 2, 0, DateTimeKind.Utc), report.PublishedUtc);
    }

    [Fact]
    public void Every_index_number_kept_from_a_content_file_finds_its_item_first()
    {
        var kept = Directory.EnumerateFiles(RepositoryPaths.Content, "*.json", SearchOption.AllDirectories).Select(Kept).OfType<(string Id, string IndexNumber)>().ToList();
        Assert.Contains(kept, k => k.Id == "yongning-2017-implementation-plan");

        foreach (var (id, indexNumber) in kept)
        {
            Assert.Equal(indexNumber, fixture.DemoIndexNumbers[id]);
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Date })
            {
                var first = fixture.Demo.Find(indexNumber, r => r with { Sort = sort }).Hits[0];
                Assert.Equal(id, first.Id);
                Assert.True(first.ExactMatch);
                Assert.Equal(indexNumber, first.IndexNumber);
            }
        }
    }

    private static (string Id, string IndexNumber)? Kept(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement;
        return root.TryGetProperty("indexNumber", out var number) ? (root.GetProperty("id").GetString()!, number.GetString()!) : null;
    }
}
