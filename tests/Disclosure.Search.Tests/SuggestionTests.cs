using System.Diagnostics;
using Disclosure.Search.Suggestions;
using Disclosure.Search.Tests.Infrastructure;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Disclosure.Search.Tests;

/// <summary>
/// The search box's suggestions (titles and 常用检索词), the counting behind the 常用检索词 and 您是不是要找, on the demo
/// site indexed by the real indexer.
/// </summary>
public sealed class SuggestionTests(DemoSearchFixture fixture) : IClassFixture<DemoSearchFixture>
{
    private const string YongningPolice = "640121-103";
    private const string InnerMongoliaDepartment = "150000-103";

    private Task<SearchHarness> SiteAsync() => fixture.GetAsync(DatabaseProvider.Sqlite);

    private static SearchSuggester Suggester(SearchHarness site) => site.Services.GetRequiredService<SearchSuggester>();

    private static CommonQueryLog Log(SearchHarness site, Action<SuggestionOptions>? configure = null)
    {
        var options = new SuggestionOptions();
        configure?.Invoke(options);
        return new CommonQueryLog(site.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), TimeProvider.System, NullLogger<CommonQueryLog>.Instance);
    }

    [Fact]
    public async Task Titles_containing_what_is_typed_are_suggested_and_each_finds_itself()
    {
        var site = await SiteAsync();
        var suggestions = await Suggester(site).SuggestAsync("户籍", agencies: null);
        var titles = suggestions.Where(s => s.Kind == SuggestionKind.Title).ToList();
        Assert.InRange(suggestions.Count, 2, 8);
        Assert.All(titles, t => Assert.Contains("户籍", t.Text, StringComparison.Ordinal));
        var expected = DemoFile.Public.Where(f => f.Title.Contains("户籍", StringComparison.Ordinal)).Select(f => f.Id).ToHashSet();
        Assert.All(titles, t => Assert.Contains(t.Id!, expected));
        Assert.Contains(titles, t => t.Id == "window-household-registration");

        // A lone character and a Latin-free prefix are completed from the index's own terms.
        var one = await Suggester(site).SuggestAsync("户", agencies: null);
        Assert.NotEmpty(one);
        Assert.All(one, s => Assert.Contains("户", s.Text, StringComparison.Ordinal));

        // Several words: each must be in the title.
        var two = await Suggester(site).SuggestAsync("户口 规定", agencies: null);
        Assert.NotEmpty(two);
        Assert.All(two, s => Assert.True(s.Text.Contains("户口", StringComparison.Ordinal) && s.Text.Contains("规定", StringComparison.Ordinal), s.Text));

        // Traditional characters find the simplified titles, as the search does.
        var traditional = await Suggester(site).SuggestAsync("戶籍", agencies: null);
        Assert.Contains(traditional, t => t.Id == "window-household-registration");

        Assert.Empty(await Suggester(site).SuggestAsync("量子纠缠", agencies: null));
    }

    [Fact]
    public async Task On_an_agency_site_only_its_titles_are_suggested()
    {
        var site = await SiteAsync();
        var everywhere = await Suggester(site).SuggestAsync("政府信息公开", agencies: null);
        Assert.Contains(everywhere, s => s.Id == "neimenggu-2014-annual-report");
        Assert.Contains(everywhere, s => s.Id == "open-government-guide");

        var yongning = await Suggester(site).SuggestAsync("政府信息公开", agencies: [YongningPolice]);
        Assert.DoesNotContain(yongning, s => s.Id == "neimenggu-2014-annual-report");
        Assert.Contains(yongning, s => s.Id == "open-government-guide");
        var yongningIds = DemoFile.Public.Where(f => f.Agency == YongningPolice).Select(f => f.Id).ToHashSet();
        Assert.All(yongning.Where(s => s.Kind == SuggestionKind.Title), s => Assert.Contains(s.Id!, yongningIds));

        var mongolia = await Suggester(site).SuggestAsync("政府信息公开", agencies: [InnerMongoliaDepartment]);
        Assert.All(mongolia.Where(s => s.Kind == SuggestionKind.Title), s => Assert.Equal("neimenggu-2014-annual-report", s.Id));
    }

    [Fact]
    public async Task A_query_becomes_a_common_query_at_the_threshold_and_a_repeating_visitor_counts_once()
    {
        var site = await SiteAsync();
        var log = site.Services.GetRequiredService<CommonQueryLog>();

        // One visitor searching again and again is one search; a search without hits is none.
        for (var i = 0; i < 5; i++)
        {
            log.Record("户口迁移", hits: 4, visitor: "10.0.0.1");
        }

        log.Record("户口迁移", hits: 4, visitor: "10.0.0.2");
        log.Record("户口迁移量子", hits: 0, visitor: "10.0.0.3");
        await log.FlushAsync();
        Assert.Equal(2, await CountAsync(site, "户口迁移"));
        Assert.Null(await CountAsync(site, "户口迁移量子"));
        Assert.DoesNotContain(await Suggester(site).SuggestAsync("户口", agencies: null), s => s.Kind == SuggestionKind.Query);

        // Width and spacing do not make another query: 户口迁移 typed full-width is the same one.
        log.Record("　户口迁移 ", hits: 4, visitor: "10.0.0.4");
        await log.FlushAsync();
        Assert.Equal(3, await CountAsync(site, "户口迁移"));
        var suggestions = await Suggester(site).SuggestAsync("户口", agencies: null);
        Assert.Equal(new Suggestion("户口迁移", SuggestionKind.Query), suggestions[0]);

        // Not on a site whose agency has no item it finds.
        Assert.DoesNotContain(await Suggester(site).SuggestAsync("户口", agencies: [InnerMongoliaDepartment]), s => s.Kind == SuggestionKind.Query);
    }

    [Theory]
    [InlineData("110101199003071234")]        // 身份证号
    [InlineData("11010119900307123X")]
    [InlineData("户籍 11010119900307123x")]
    [InlineData("110101900307123")]           // 15 位身份证号
    [InlineData("13812345678")]               // 手机号
    [InlineData("138 1234 5678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("0471-1234567")]              // 固定电话
    [InlineData("张三 6222020200112233445")]  // 银行卡号
    [InlineData("zhangsan@example.com")]
    [InlineData("张三＠example.com")]
    [InlineData("1234567")]
    public void Personal_data_is_never_kept(string query)
    {
        Assert.True(CommonQueryText.LooksPersonal(CommonQueryText.Normalize(query)));
        Assert.Null(CommonQueryText.Keepable(query, 40));
    }

    [Theory]
    [InlineData("永公(办)发〔2017〕28号", "永公(办)发〔2017〕28号")]
    [InlineData("640121-103/2017-48967", "640121-103/2017-48967")]
    [InlineData("11150000011504155x/2014-00001", "11150000011504155x/2014-00001")]
    [InlineData("2017年 户籍", "2017年 户籍")]
    [InlineData("  户籍　办理  ", "户籍 办理")]
    [InlineData("ＡＰＰ 下载", "app 下载")]
    public void Documents_identifiers_and_short_numbers_are_kept(string query, string kept) =>
        Assert.Equal(kept, CommonQueryText.Keepable(query, 40));

    [Fact]
    public async Task Personal_data_stored_by_an_earlier_version_is_never_suggested()
    {
        var site = await SiteAsync();
        await site.Database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var now = DateTime.UtcNow;
            db.Set<CommonQuery>().AddRange(
                new CommonQuery { Query = "户政 13812345678", Count = 99, FirstSeenUtc = now, LastSeenUtc = now },
                new CommonQuery { Query = "户政 a@b.cn", Count = 99, FirstSeenUtc = now, LastSeenUtc = now });
            return await db.SaveChangesAsync();
        });

        var log = site.Services.GetRequiredService<CommonQueryLog>();
        await log.RefreshAsync();
        Assert.DoesNotContain(log.Snapshot, q => q.Query.StartsWith("户政 ", StringComparison.Ordinal));
        Assert.DoesNotContain(await Suggester(site).SuggestAsync("户政", agencies: null), s => s.Text.Contains('@', StringComparison.Ordinal) || s.Text.Contains("138", StringComparison.Ordinal));

        // And a search for one counts nothing.
        log.Record("户政 13912345678", hits: 3, visitor: null);
        log.Record("户政 li@example.com", hits: 3, visitor: null);
        Assert.Equal(0, log.Pending);
    }

    [Fact]
    public async Task A_flood_of_distinct_queries_is_bounded()
    {
        var site = await SiteAsync();
        var log = Log(site, o => o.BufferCapacity = 100);
        Parallel.For(0, 20_000, i => log.Record("检索词" + (i % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture), hits: 1, visitor: "v" + i));
        Assert.InRange(log.Pending, 100, 100 + Environment.ProcessorCount);
        await log.FlushAsync();
        Assert.Equal(0, log.Pending);
        var written = await site.Database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CommonQuery>().CountAsync(q => q.Query.StartsWith("检索词")));
        Assert.InRange(written, 100, 100 + Environment.ProcessorCount);
    }

    [Fact]
    public async Task Counting_never_waits_for_the_database()
    {
        var site = await SiteAsync();
        var log = Log(site);
        await using (var blocker = new SqliteConnection(site.Database.Options.ResolveConnectionString()))
        {
            // Another writer holds the database.
            await blocker.OpenAsync();
            await using (var hold = blocker.CreateCommand())
            {
                hold.CommandText = "BEGIN IMMEDIATE";
                await hold.ExecuteNonQueryAsync();
            }

            log.Record("常用检索词并发", hits: 1, visitor: null);
            // The write waits for the lock, or gives up and keeps its counts for the next one; either way no search waits.
            var flushing = Task.Run(() => log.FlushAsync());
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 999; i++)
            {
                log.Record("常用检索词并发", hits: 1, visitor: null);
            }

            clock.Stop();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"counting while the database was locked took {clock.Elapsed}");
            await using (var release = blocker.CreateCommand())
            {
                release.CommandText = "ROLLBACK";
                await release.ExecuteNonQueryAsync();
            }

            await flushing;
        }

        await log.FlushAsync();
        Assert.Equal(0, log.Pending);
        Assert.Equal(1000, await CountAsync(site, "常用检索词并发"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Counts_of_two_nodes_sharing_the_database_add_up_and_survive_a_restart(DatabaseProvider engine)
    {
        var site = await fixture.GetAsync(engine);
        var first = Log(site);
        var second = Log(site);
        first.Record("窗口 办事指南", hits: 2, visitor: "a");
        first.Record("窗口 办事指南", hits: 2, visitor: "b");
        second.Record("窗口 办事指南", hits: 2, visitor: "a");
        await Task.WhenAll(first.FlushAsync(), second.FlushAsync());
        Assert.Equal(3, await CountAsync(site, "窗口 办事指南"));

        // A node started later reads what the others counted.
        var restarted = Log(site);
        await restarted.RefreshAsync();
        Assert.Contains(restarted.Snapshot, q => q.Query == "窗口 办事指南" && q.Count == 3);
        await first.RefreshAsync();
        Assert.Contains(first.Snapshot, q => q.Query == "窗口 办事指南");
    }

    [Theory]
    [InlineData("永公办发201728号", "永公(办)发【2017】28号")]      // brackets left out
    [InlineData("永公办发〈2017〉28号", "永公(办)发【2017】28号")]  // brackets the normaliser does not know, others left out
    [InlineData("户籍 量子", "户籍")]                                // a word that finds nothing is dropped
    [InlineData("政府信息工开", "政府信息公开")]                     // one character wrong
    [InlineData("政府息公开", "政府信息公开")]                       // one character missing
    [InlineData("户籍 政府信息工开", "户籍 政府信息公开")]           // corrected before anything is dropped
    public async Task A_search_that_finds_nothing_offers_a_corrected_query_that_does(string typed, string expected)
    {
        var site = await SiteAsync();
        var response = site.Find(typed);
        Assert.True(response.IsValid, response.Error?.Message);
        Assert.Equal(0, response.Total);
        Assert.Equal(expected, response.DidYouMean);
        Assert.True(site.Find(expected).Total > 0);
    }

    [Fact]
    public async Task A_document_index_number_typed_without_separators_is_offered_as_stored()
    {
        var site = await SiteAsync();
        var indexNumber = site.Find("永公(办)发【2017】28号").Hits[0].IndexNumber!;
        Assert.Matches(@"^\d{6}-\d{3}/\d{4}-\d{5}$", indexNumber);
        var typed = new string(indexNumber.Where(char.IsAsciiDigit).ToArray());
        var response = site.Find(typed);
        Assert.Equal(0, response.Total);
        Assert.Equal(indexNumber, response.DidYouMean);
    }

    [Fact]
    public async Task A_common_query_one_character_away_is_the_first_correction()
    {
        var site = await SiteAsync();
        var log = site.Services.GetRequiredService<CommonQueryLog>();
        foreach (var visitor in new[] { "1", "2", "3" })
        {
            log.Record("便民利民措施", hits: 2, visitor: visitor);
        }

        await log.FlushAsync();
        Assert.Contains(log.Snapshot, q => q.Query == "便民利民措施");
        Assert.Equal("便民利民措施", site.Find("便民利名措施").DidYouMean);
    }

    [Theory]
    [InlineData("量子纠缠 引力波")]
    [InlineData("完全不相干的内容")]
    [InlineData("量子")]
    [InlineData("\"政府信息工开\"")]
    [InlineData("永公(办)发〔2099〕99号")]
    public async Task Nothing_is_offered_when_no_correction_finds_anything(string typed)
    {
        var site = await SiteAsync();
        var response = site.Find(typed);
        Assert.Equal(0, response.Total);
        Assert.Null(response.DidYouMean);
    }

    [Fact]
    public async Task A_correction_is_only_offered_when_it_finds_something_within_the_filters()
    {
        var site = await SiteAsync();
        Assert.Null(site.Find("户籍 量子", r => r with { Year = 1990 }).DidYouMean);
        Assert.Null(site.Find("政府信息工开", r => r with { Agencies = ["no-such-agency"] }).DidYouMean);
        Assert.Equal("政府信息公开", site.Find("政府信息工开", r => r with { Agencies = [InnerMongoliaDepartment] }).DidYouMean);

        // A search with hits has no correction at all.
        Assert.Null(site.Find("户籍").DidYouMean);
    }

    [Fact]
    public async Task A_misspelt_latin_word_is_corrected_through_the_index_terms()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<ContentManager>();
            await manager.CreateAsync("Disclosure", SampleContent.Notice("关于推进Internet政务服务的通知", body: "通过Internet和移动App办理户籍业务。"), "editor", contentItemId: "internet-notice");
            await manager.PublishAsync("internet-notice", null, "office", SampleContent.PublishedAt);
            return 0;
        });
        await using var site = SearchHarness.Create(database);
        await site.Indexer.CatchUpAsync();

        Assert.Equal("Internet", site.Find("Intrenet").DidYouMean);   // two letters swapped
        Assert.Equal("internet", site.Find("internt").DidYouMean);    // one missing, case as typed
        Assert.Equal("INTERNET 户籍", site.Find("INTERNEX 户籍").DidYouMean);
        Assert.Null(site.Find("Xylophone").DidYouMean);
    }

    private static Task<long?> CountAsync(SearchHarness site, string query) =>
        site.Database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CommonQuery>()
            .Where(q => q.Query == query).Select(q => (long?)q.Count).SingleOrDefaultAsync());
}
