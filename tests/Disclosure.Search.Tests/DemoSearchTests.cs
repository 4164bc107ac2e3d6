using System.Text.RegularExpressions;
using Disclosure.Search.Identifiers;
using Disclosure.Search.Tests.Infrastructure;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Search.Tests;

/// <summary>Searching the demo site, checked against the content files read independently, on SQLite and PostgreSQL.</summary>
public sealed partial class DemoSearchTests(DemoSearchFixture fixture) : IClassFixture<DemoSearchFixture>
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Everything_public_is_indexed_and_nothing_else(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        Assert.Equal(DemoFile.Public.Count, search.Index.DocumentCount);

        foreach (var hidden in DemoFile.All.Where(f => !f.IsPublic))
        {
            var hits = search.FindAll($"\"{hidden.Title}\"");
            Assert.DoesNotContain(hits, h => h.Id == hidden.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_two_character_query_finds_exactly_the_items_containing_it_even_inside_longer_words(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        foreach (var word in new[] { "户籍", "公开", "火灾" })
        {
            var expected = DemoFile.Public.Where(f => f.Text.Contains(word, StringComparison.Ordinal)).Select(f => f.Id).Order().ToList();
            var found = search.FindAll(word).Select(h => h.Id).Order().ToList();
            Assert.True(expected.Count > 3, $"the demo should hold several items with {word}");
            Assert.Equal(expected, found);
        }

        // 公开 inside 政府信息公开 and 政务公开: both words are longer than the query.
        var titles = search.FindAll("公开").Select(h => h.Title).ToList();
        Assert.Contains(titles, t => t.Contains("信息公开", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("政务公开", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_one_character_query_finds_exactly_the_items_containing_that_character(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        foreach (var character in new[] { "警", "证", "火" })
        {
            var expected = DemoFile.Public.Where(f => f.Text.Contains(character, StringComparison.Ordinal)).Select(f => f.Id).Order().ToList();
            Assert.True(expected.Count > 2, $"the demo should hold several items with {character}");
            Assert.Equal(expected, search.FindAll(character).Select(h => h.Id).Order().ToList());
        }

        // 警 inside 警察 or 警务, not a word of its own: found, and marked in the title where it is.
        var hit = search.Find("警").Hits.First(h => h.Title.Contains('警', StringComparison.Ordinal));
        Assert.Contains("<mark>警</mark>", hit.TitleHtml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_query_in_traditional_characters_finds_what_its_simplified_form_finds(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        foreach (var (traditional, simplified) in new[] { ("戶籍", "户籍"), ("居住證", "居住证"), ("政府公開", "政府公开"), ("辦理", "办理") })
        {
            var expected = search.FindAll(simplified).Select(h => h.Id).ToList();
            Assert.Equal(expected, search.FindAll(traditional).Select(h => h.Id).ToList());
        }

        Assert.NotEmpty(search.FindAll("戶籍"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_longer_query_is_a_phrase_and_a_miss_finds_nothing(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var expected = DemoFile.Public.Where(f => f.Text.Contains("居住证", StringComparison.Ordinal)).Select(f => f.Id).Order();
        Assert.Equal(expected, search.FindAll("居住证").Select(h => h.Id).Order());

        var none = search.Find("量子计算机");
        Assert.True(none.IsValid);
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Hits);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_document_number_query_puts_the_exact_item_first_whatever_its_brackets(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        // Stored as 永公(办)发【2017】28号.
        foreach (var typed in new[] { "永公(办)发【2017】28号", "永公(办)发[2017]28号", "永公（办）发〔2017〕28号", "“永公(办)发(2017)28号”", "永公（办）发［２０１７］２８号" })
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Date })
            {
                var response = search.Find(typed, r => r with { Sort = sort });
                Assert.True(response.IsValid, response.Error?.Message);
                var first = response.Hits[0];
                Assert.Equal("yongning-2017-implementation-plan", first.Id);
                Assert.True(first.ExactMatch);
                Assert.Equal("永公(办)发【2017】28号", first.DocumentNumber);
                Assert.Single(response.Hits, h => h.ExactMatch);
            }
        }

        // One digit off is not the same document number.
        Assert.DoesNotContain(search.Find("永公(办)发[2017]29号").Hits, h => h.ExactMatch);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_document_number_in_the_demo_is_found_first_in_another_bracket_form(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var numbered = DemoFile.Public.Where(f => !string.IsNullOrWhiteSpace(f.DocumentNumber)).ToList();
        Assert.True(numbered.Count > 20);
        foreach (var file in numbered)
        {
            var typed = Rebracket(file.DocumentNumber!);
            var first = search.Find(typed).Hits is [var top, ..] ? top : null;
            Assert.True(first is not null && first.ExactMatch && IdentifierNormalizer.Normalize(first.DocumentNumber) == IdentifierNormalizer.Normalize(file.DocumentNumber),
                $"{typed} should find {file.DocumentNumber} first, found {first?.DocumentNumber}");
        }

        // Brackets typed as the other kinds: 〔〕 and 【】 as [], and () as （）.
        static string Rebracket(string number) => number.Replace('〔', '[').Replace('〕', ']').Replace('【', '[').Replace('】', ']').Replace('(', '（').Replace(')', '）');
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_index_number_query_puts_its_item_first_in_either_width(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var items = await search.Database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems
            .Where(i => i.IndexNumber != null).Select(i => new { i.ContentItemId, i.IndexNumber }).ToListAsync());
        var publicIds = DemoFile.Public.Select(f => f.Id).ToHashSet();
        foreach (var item in items.Where(i => publicIds.Contains(i.ContentItemId)).Take(20))
        {
            foreach (var typed in new[] { item.IndexNumber!, ToFullWidth(item.IndexNumber!) })
            {
                var first = search.Find(typed, r => r with { Sort = SearchSort.Date }).Hits[0];
                Assert.Equal(item.ContentItemId, first.Id);
                Assert.True(first.ExactMatch);
                Assert.Equal(item.IndexNumber, first.IndexNumber);
            }
        }

        static string ToFullWidth(string s) => new(s.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Facets_count_what_each_filter_would_give_and_filters_apply(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        const string word = "公安";
        var matching = DemoFile.Public.Where(f => f.Text.Contains(word, StringComparison.Ordinal)).ToList();
        var response = search.Find(word);
        Assert.Equal(matching.Count, response.Total);

        // Unfiltered counts, checked against the files.
        Assert.Equal(Count(matching.GroupBy(f => f.Type)), Facet(response.Facets.ContentTypes));
        Assert.Equal(Count(matching.GroupBy(f => f.Agency!)), Facet(response.Facets.Agencies));
        Assert.Equal(Count(matching.GroupBy(f => f.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))), Facet(response.Facets.Years));
        var byClass = matching.SelectMany(f => new[] { f.Catalogue![..2], f.Catalogue }.Distinct()).GroupBy(c => c);
        Assert.Equal(Count(byClass), Facet(response.Facets.Catalogue));

        // A parent class counts its children, and filtering on it includes them.
        var guides = search.Find(word, r => r with { Catalogue = "06" });
        Assert.Equal(matching.Count(f => f.Catalogue!.StartsWith("06", StringComparison.Ordinal)), guides.Total);
        Assert.Equal(response.Facets.Catalogue.Single(c => c.Value == "06").Count, guides.Total);
        Assert.All(guides.Hits, h => Assert.StartsWith("06.", h.Catalogue));

        // With a type filter: the hits narrow, the type facet still shows the other types (counts over the query and
        // the other filters), while the other facets narrow to that type.
        var regulatory = search.Find(word, r => r with { ContentType = "RegulatoryDocument" });
        var regulatoryFiles = matching.Where(f => f.Type == "RegulatoryDocument").ToList();
        Assert.Equal(regulatoryFiles.Count, regulatory.Total);
        Assert.All(regulatory.Hits, h => Assert.Equal("RegulatoryDocument", h.ContentType));
        Assert.Equal(Facet(response.Facets.ContentTypes), Facet(regulatory.Facets.ContentTypes));
        Assert.Equal(Count(regulatoryFiles.GroupBy(f => f.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))), Facet(regulatory.Facets.Years));

        // Year and agency filters, and all of them together.
        var year = matching.GroupBy(f => f.Year!.Value).OrderByDescending(g => g.Count()).First();
        var inYear = search.Find(word, r => r with { Year = year.Key });
        Assert.Equal(year.Count(), inYear.Total);
        Assert.All(inYear.Hits, h => Assert.Equal(year.Key, Disclosure.Core.Time.ChinaTime.ToDate(h.PublishedUtc).Year));

        var combined = search.Find(word, r => r with { Year = year.Key, Agency = "640121-103", Catalogue = "02", ContentType = "RegulatoryDocument" });
        Assert.Equal(matching.Count(f => f.Year == year.Key && f.Agency == "640121-103" && f.Catalogue!.StartsWith("02", StringComparison.Ordinal) && f.Type == "RegulatoryDocument"), combined.Total);

        // A filter value nobody has gives nothing, not an error.
        var nothing = search.Find(word, r => r with { Agency = "000000-000" });
        Assert.True(nothing.IsValid);
        Assert.Equal(0, nothing.Total);

        static Dictionary<string, int> Count<T>(IEnumerable<IGrouping<string, T>> groups) => groups.ToDictionary(g => g.Key, g => g.Count());
        static Dictionary<string, int> Facet(IEnumerable<FacetCount> facets) => facets.ToDictionary(f => f.Value, f => f.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Date_order_is_newest_first_across_pages(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var hits = search.FindAll("公安", r => r with { Sort = SearchSort.Date, PageSize = 7 });
        Assert.True(hits.Count > 30);
        Assert.Equal(hits.Select(h => h.PublishedUtc).OrderDescending(), hits.Select(h => h.PublishedUtc));
        Assert.Equal(hits.Count, hits.Select(h => h.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Relevance_puts_title_matches_before_body_only_matches(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var hits = search.FindAll("居住证");
        var firstBodyOnly = hits.FindIndex(h => !h.Title.Contains("居住证", StringComparison.Ordinal));
        var lastTitle = hits.FindLastIndex(h => h.Title.Contains("居住证", StringComparison.Ordinal));
        Assert.True(lastTitle >= 0 && firstBodyOnly > 0, "the demo has items with 居住证 in the title and in the body only");
        Assert.True(lastTitle < firstBodyOnly + 2, $"title matches should lead: last title match at {lastTitle}, first body-only match at {firstBodyOnly}");
        Assert.Contains("居住证", hits[0].Title);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Hits_carry_highlighted_title_and_snippet_and_their_metadata(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var response = search.Find("信息公开 实施方案", r => r with { PageSize = 5 });
        var hit = response.Hits.First(h => h.Id == "yongning-2017-implementation-plan");
        Assert.Contains("<mark>信息公开</mark>", hit.TitleHtml);
        Assert.Contains("<mark>实施方案</mark>", hit.TitleHtml);
        Assert.Matches(MarkedSnippet(), hit.Snippet);
        Assert.DoesNotContain("**", hit.Snippet); // Markdown is gone
        Assert.DoesNotContain("##", hit.Snippet);
        Assert.Equal("Disclosure", hit.ContentType);
        Assert.Equal("02.03", hit.Catalogue);
        Assert.Equal("640121-103", hit.Agency);
        Assert.StartsWith("640121-103/2017-", hit.IndexNumber);
        Assert.Equal(new DateTime(2017, 3, 29, 2, 0, 0, DateTimeKind.Utc), hit.PublishedUtc);

        // Every snippet is escaped text with marks only: no other tag survives.
        foreach (var any in search.FindAll("公开"))
        {
            Assert.DoesNotMatch(OtherTag(), any.Snippet);
            Assert.DoesNotMatch(OtherTag(), any.TitleHtml);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_match_only_in_a_type_field_gives_a_snippet_from_that_field(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        // 杨和镇 is in the ServiceGuides' 地点 field; where the body lacks it, the snippet comes from the field.
        var file = DemoFile.Public.First(f => f.Type == "ServiceGuide" && f.Text.Contains("杨和镇", StringComparison.Ordinal));
        var hit = search.FindAll("杨和镇").Single(h => h.Id == file.Id);
        Assert.Contains("<mark>杨和镇</mark>", hit.Snippet);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Malformed_requests_get_a_message_not_an_exception(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        foreach (var query in new[] { "", "\"公开", "AND", "+", "-", "*", "公开 OR", "-公开" })
        {
            var response = search.Search.Search(new SearchRequest { Query = query });
            Assert.False(response.IsValid);
            Assert.Equal("q", response.Error!.Parameter);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", response.Error.Message);
        }

        Assert.Equal("page", search.Search.Search(new SearchRequest { Query = "公开", Page = 0 }).Error!.Parameter);
        Assert.Equal("pageSize", search.Search.Search(new SearchRequest { Query = "公开", PageSize = 101 }).Error!.Parameter);
        Assert.Equal("page", search.Search.Search(new SearchRequest { Query = "公开", Page = 1000, PageSize = 100 }).Error!.Parameter);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OR_and_exclusion_work_on_the_demo(DatabaseProvider engine)
    {
        var search = await fixture.GetAsync(engine);
        var either = search.FindAll("居住证 OR 护照").Select(h => h.Id).Order();
        var expected = DemoFile.Public.Where(f => f.Text.Contains("居住证", StringComparison.Ordinal) || f.Text.Contains("护照", StringComparison.Ordinal)).Select(f => f.Id).Order();
        Assert.Equal(expected, either);

        var without = search.FindAll("户籍 -居住证").Select(h => h.Id).Order();
        var expectedWithout = DemoFile.Public.Where(f => f.Text.Contains("户籍", StringComparison.Ordinal) && !f.Text.Contains("居住证", StringComparison.Ordinal)).Select(f => f.Id).Order();
        Assert.Equal(expectedWithout, without);
    }

    [GeneratedRegex("<mark>[^<]+</mark>")]
    private static partial Regex MarkedSnippet();

    [GeneratedRegex("<(?!/?mark>)")]
    private static partial Regex OtherTag();
}
