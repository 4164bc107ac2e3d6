using System.Net;
using System.Text.Json;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Recipes;
using Disclosure.Modules;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.GraphQL.GraphQLCalls;

namespace Disclosure.Web.Tests.GraphQL;

/// <summary>
/// <c>/graphql</c> over the demo site: the schema follows the recipes, the answers are REST's, the limits hold, and
/// nothing unpublished is ever visible to an anonymous caller.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class GraphQLContentTests(SiteFixture site)
{
    private const string Metadata = "id type title indexNumber documentNumber catalogue catalogueName agency agencyName writtenDate publishedAt version url";

    private readonly HttpClient _client = site.Site.CreateClient();

    /// <summary>The content types the recipes declare: what the schema must have, read from the files.</summary>
    private static List<ContentTypeDefinition> RecipeTypes() =>
        Directory.GetFiles(RepositoryPaths.Recipes, "*.json")
            .SelectMany(file => InstalledModules.ReadRecipe(file).Steps.OfType<ContentDefinitionStep>())
            .SelectMany(step => step.ContentTypes)
            .ToList();

    [Fact]
    public async Task Introspection_lists_one_object_type_per_recipe_content_type_implementing_ContentItem()
    {
        var expected = RecipeTypes().Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("RegulatoryDocument", expected);

        var data = await DataAsync(_client, "{ __type(name: \"ContentItem\") { kind possibleTypes { name } } }");
        Assert.Equal("INTERFACE", data.GetProperty("__type").GetProperty("kind").GetString());
        var possible = data.GetProperty("__type").GetProperty("possibleTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, possible);
    }

    [Fact]
    public async Task Each_recipe_field_has_the_GraphQL_type_of_its_kind()
    {
        foreach (var type in RecipeTypes())
        {
            var data = await DataAsync(_client, "query($name: String!) { __type(name: $name) { fields { name type { kind name ofType { kind name ofType { kind name ofType { name } } } } } } }", new { name = type.Name });
            var fields = data.GetProperty("__type").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => NamedType(f.GetProperty("type")));
            foreach (var field in type.Fields)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(field.Name);
                Assert.True(fields.TryGetValue(name, out var graphType), $"{type.Name}.{name} is missing");
                var expected = field.Type switch
                {
                    FieldType.Date => "DateOnly",
                    FieldType.Number => "Decimal",
                    FieldType.Boolean => "Boolean",
                    FieldType.Link => "Link",
                    FieldType.Media => "MediaFile",
                    FieldType.Table => "Table",
                    FieldType.ContentPicker => "ID",
                    _ => "String",
                };
                Assert.True(expected == graphType, $"{type.Name}.{name} is {graphType}, expected {expected}");
            }

            Assert.Contains("indexNumber", fields.Keys);
            Assert.Contains("disclosureMetadataPart", fields.Keys);
        }
    }

    private static string NamedType(JsonElement type) =>
        type.GetProperty("name").GetString() ?? NamedType(type.GetProperty("ofType"));

    [Fact]
    public async Task A_page_of_contents_is_the_same_as_the_REST_page()
    {
        var rest = await RestAsync(_client, "/api/v1/content?pageSize=20&page=2");
        var data = await DataAsync(_client, $"{{ contents(pageSize: 20, page: 2) {{ total page pageSize items {{ {Metadata} }} }} }}");
        var graph = data.GetProperty("contents");

        Assert.Equal(rest.GetProperty("total").GetInt32(), graph.GetProperty("total").GetInt32());
        Assert.Equal(2, graph.GetProperty("page").GetInt32());
        Assert.Equal(20, graph.GetProperty("pageSize").GetInt32());
        var restItems = rest.GetProperty("items").EnumerateArray().ToList();
        var graphItems = graph.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(20, restItems.Count);
        Assert.Equal(restItems.Count, graphItems.Count);
        for (var i = 0; i < restItems.Count; i++)
        {
            AssertSameMetadata(restItems[i], graphItems[i]);
        }
    }

    [Fact]
    public async Task Filters_give_the_same_items_as_REST()
    {
        foreach (var (rest, graph) in new[]
        {
            ("type=RegulatoryDocument", "type: \"RegulatoryDocument\""),
            ("catalogue=02", "catalogue: \"02\""),
            ("agency=150600-103&reach=subtree", "agency: \"150600-103\", reach: \"subtree\""),
            ("year=2017", "year: 2017"),
        })
        {
            var restPage = await RestAsync(_client, $"/api/v1/content?pageSize=100&{rest}");
            var graphPage = (await DataAsync(_client, $"{{ contents(pageSize: 100, {graph}) {{ total items {{ id }} }} }}")).GetProperty("contents");
            Assert.Equal(restPage.GetProperty("total").GetInt32(), graphPage.GetProperty("total").GetInt32());
            Assert.True(restPage.GetProperty("total").GetInt32() > 0, rest);
            Assert.Equal(
                restPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()),
                graphPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task On_an_agencys_site_contents_are_that_agencys_as_on_its_REST_list()
    {
        const string Site = "/a/150627-103";
        var platform = (await DataAsync(_client, "{ contents(pageSize: 1) { total } }")).GetProperty("contents").GetProperty("total").GetInt32();
        foreach (var (rest, graph) in new[] { ("", ""), ("&agency=150600-103&reach=subtree", ", agency: \"150600-103\", reach: \"subtree\"") })
        {
            var restPage = await RestAsync(_client, $"{Site}/api/v1/content?pageSize=100{rest}");
            var graphPage = (await DataAsync(_client, $"{{ contents(pageSize: 100{graph}) {{ total items {{ id agency }} }} }}", path: $"{Site}/graphql")).GetProperty("contents");
            Assert.Equal(restPage.GetProperty("total").GetInt32(), graphPage.GetProperty("total").GetInt32());
            Assert.Equal(
                restPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()),
                graphPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            Assert.InRange(graphPage.GetProperty("total").GetInt32(), 1, platform - 1);
        }

        // Without a filter, only the site's own agency (本级).
        var own = (await DataAsync(_client, "{ contents(pageSize: 100) { items { agency } } }", path: $"{Site}/graphql")).GetProperty("contents");
        Assert.All(own.GetProperty("items").EnumerateArray(), i => Assert.Equal("150627-103", i.GetProperty("agency").GetString()));
    }

    [Fact]
    public async Task An_item_of_every_type_has_the_metadata_and_field_values_of_its_REST_detail()
    {
        foreach (var type in RecipeTypes())
        {
            var list = await RestAsync(_client, $"/api/v1/content?type={type.Name}&pageSize=1");
            if (list.GetProperty("total").GetInt32() == 0)
            {
                continue; // a type the demo has not published yet
            }

            var id = list.GetProperty("items")[0].GetProperty("id").GetString()!;
            var rest = await RestAsync(_client, $"/api/v1/content/{id}");
            var selections = string.Join(' ', type.Fields.Select(f => Selection(f)));
            var item = (await DataAsync(_client, $"query($id: ID!) {{ content(id: $id) {{ {Metadata} ... on {type.Name} {{ {selections} disclosureMetadataPart {{ topic validity channels }} }} }} }}", new { id }))
                .GetProperty("content");

            AssertSameMetadata(rest.GetProperty("summary"), item);
            var data = rest.GetProperty("data");
            var own = data.TryGetProperty(type.Name, out var part) ? part : default;
            foreach (var field in type.Fields)
            {
                var restValue = own.ValueKind == JsonValueKind.Object && own.TryGetProperty(field.Name, out var v) ? v : default;
                AssertSameValue($"{id} {type.Name}.{field.Name}", field, restValue, item.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(field.Name)));
            }

            var metadata = data.GetProperty("DisclosureMetadataPart");
            Assert.Equal(metadata.GetProperty("Topic").GetString(), item.GetProperty("disclosureMetadataPart").GetProperty("topic").GetString());
            Assert.Equal(metadata.GetProperty("Channels").EnumerateArray().Select(c => c.GetString()), item.GetProperty("disclosureMetadataPart").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        }
    }

    private static string Selection(ContentFieldDefinition field)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(field.Name);
        return field.Type switch
        {
            FieldType.Link => $"{name} {{ url text }}",
            FieldType.Media => $"{name} {{ name path url }}",
            FieldType.Table => $"{name} {{ columns rows }}",
            _ => name,
        };
    }

    private static void AssertSameValue(string what, ContentFieldDefinition field, JsonElement rest, JsonElement graph)
    {
        if (rest.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            Assert.True(graph.ValueKind == JsonValueKind.Null || (graph.ValueKind == JsonValueKind.Array && graph.GetArrayLength() == 0), what);
            return;
        }

        switch (field.Type)
        {
            case FieldType.Number:
                Assert.True(rest.GetDecimal() == graph.GetDecimal(), what);
                break;
            case FieldType.Boolean:
                Assert.True(rest.GetBoolean() == graph.GetBoolean(), what);
                break;
            case FieldType.Link:
                Assert.True(rest.GetProperty("url").GetString() == graph.GetProperty("url").GetString(), what);
                break;
            case FieldType.Media:
                var paths = rest.ValueKind == JsonValueKind.Array ? rest.EnumerateArray().Select(m => m.GetProperty("path").GetString()).ToList() : [rest.GetProperty("path").GetString()];
                var graphPaths = graph.ValueKind == JsonValueKind.Array ? graph.EnumerateArray().Select(m => m.GetProperty("path").GetString()).ToList() : [graph.GetProperty("path").GetString()];
                Assert.True(paths.SequenceEqual(graphPaths), what);
                break;
            case FieldType.Table:
                Assert.True(rest.GetProperty("rows").GetRawText() == graph.GetProperty("rows").GetRawText(), what);
                break;
            case FieldType.ContentPicker:
                // Stored as a list (of one, for a single picker); a single picker answers the id itself.
                static IEnumerable<string?> Ids(JsonElement e) => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetString()) : [e.GetString()];
                Assert.True(Ids(rest).SequenceEqual(Ids(graph)), what);
                break;
            case FieldType.Html:
                Assert.False(string.IsNullOrEmpty(graph.GetString()), what); // sanitised again on output, as on the public page
                break;
            default:
                // Text, Markdown, Date, Choice: the same JSON (a string, or a list of strings).
                Assert.True(rest.GetRawText() == graph.GetRawText(), $"{what}: {rest.GetRawText()} ≠ {graph.GetRawText()}");
                break;
        }
    }

    private static void AssertSameMetadata(JsonElement rest, JsonElement graph)
    {
        foreach (var name in Metadata.Split(' '))
        {
            var (r, g) = (rest.GetProperty(name), graph.GetProperty(name));
            if (name == "publishedAt")
            {
                Assert.Equal(r.GetDateTimeOffset(), g.GetDateTimeOffset());
                Assert.Equal(r.GetDateTimeOffset().Offset, g.GetDateTimeOffset().Offset);
            }
            else
            {
                Assert.True(r.GetRawText() == g.GetRawText(), $"{name}: REST {r.GetRawText()}, GraphQL {g.GetRawText()}");
            }
        }
    }

    [Fact]
    public async Task A_GET_with_the_query_in_the_address_reads_too()
    {
        var response = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ contents(pageSize: 3) { total items { id } } }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, body.GetProperty("data").GetProperty("contents").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_withdrawn_item_answers_with_the_withdrawal_notice_in_the_error()
    {
        var withdrawn = DemoItem.All.First(i => i.Withdrawn);
        var (_, body) = await PostAsync(_client, "query($id: ID!) { content(id: $id) { id title } }", new { id = withdrawn.Id });

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("content").ValueKind);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("WITHDRAWN", Code(error));
        Assert.Equal("该信息已撤回。", error.GetProperty("message").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("extensions").GetProperty("reason").GetString()));
        Assert.DoesNotContain(withdrawn.Id, (await DataAsync(_client, "{ contents(pageSize: 100) { items { id } } }")).GetRawText());
    }

    [Fact]
    public async Task Drafts_never_leak_to_an_anonymous_caller()
    {
        const string title = "关于草稿不可公开的测试通告甲乙丙";
        using (var scope = site.Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(title), "editor", "bgs", "graphql-draft-leak");
        }

        var demoDraft = DemoItem.All.First(i => i.PublishedAt is null);
        foreach (var id in new[] { "graphql-draft-leak", demoDraft.Id })
        {
            var single = await ErrorAsync(_client, "query($id: ID!) { content(id: $id) { id title } }", new { id });
            Assert.Equal("NOT_FOUND", Code(single));
            Assert.Equal("内容不存在或尚未发布。", single.GetProperty("message").GetString());

            var asDraft = await ErrorAsync(_client, "query($id: ID!) { content(id: $id, draft: true) { id title } }", new { id });
            Assert.Equal("FORBIDDEN", Code(asDraft));
        }

        var total = (await DataAsync(_client, "{ contents(pageSize: 1) { total } }")).GetProperty("contents").GetProperty("total").GetInt32();
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic), total);
        var all = await DataAsync(_client, $"{{ contents(pageSize: 100, type: \"Disclosure\") {{ items {{ id title }} }} }}");
        Assert.DoesNotContain(title, all.GetRawText());

        var search = await DataAsync(_client, "query($q: String!) { search(q: $q) { total hits { id title } } }", new { q = title });
        Assert.Equal(0, search.GetProperty("search").GetProperty("total").GetInt32());

        var drafts = await ErrorAsync(_client, "{ drafts { total items { id } } }");
        Assert.Equal("FORBIDDEN", Code(drafts));
        Assert.Contains("content:read-drafts", drafts.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_too_deep_query_is_refused_before_it_runs()
    {
        var (status, body) = await PostAsync(_client, "{ catalogue { children { children { children { children { children { children { children { children { children { children { children { code } } } } } } } } } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = body.GetProperty("errors")[0];
        Assert.Equal("QUERY_TOO_DEEP", Code(error));
        Assert.StartsWith("查询嵌套过深", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_too_complex_query_is_refused_before_it_runs()
    {
        // Each alias may return 100 items of 13 fields; thirty of them far exceed the limit, though each alone is fine.
        var aliases = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"p{i}: contents(pageSize: 100, page: {i}) {{ items {{ {Metadata} }} }}"));
        var (status, body) = await PostAsync(_client, $"{{ {aliases} }}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("QUERY_TOO_COMPLEX", Code(error));
        Assert.StartsWith("查询过于复杂", error.GetProperty("message").GetString());

        await DataAsync(_client, $"{{ contents(pageSize: 100) {{ items {{ {Metadata} }} }} }}");
    }

    [Theory]
    [InlineData("{ contents(pageSize: 101) { total } }", "pageSize", "每页条数应在 1 到 100 之间。")]
    [InlineData("{ contents(page: 0) { total } }", "page", "页码应从 1 开始。")]
    [InlineData("{ contents(type: \"NoSuchType\") { total } }", "type", "内容类型“NoSuchType”不存在。")]
    [InlineData("{ contents(agency: \"150600-103\", reach: \"everything\") { total } }", "reach", "reach 应为 own（本级）、subtree（含下级）或 all（全部）。")]
    [InlineData("{ search(q: \"通告\", pageSize: 500) { total } }", "pageSize", "每页条数应在 1 到 100 之间。")]
    [InlineData("{ changes(after: \"abc\") { cursor } }", "after", "游标“abc”无效，请使用上次返回的 cursor，或不带 after 从头同步。")]
    [InlineData("{ creditRecords(kind: LICENCE, pageSize: 1000) { total } }", "pageSize", "每页条数应在 1 到 100 之间。")]
    public async Task Arguments_REST_refuses_are_refused_with_the_same_zh_CN_message(string query, string argument, string message)
    {
        var error = await ErrorAsync(_client, query);
        Assert.Equal("INVALID_ARGUMENT", Code(error));
        Assert.Equal(argument, error.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Malformed_queries_get_zh_CN_errors_and_no_internals()
    {
        var syntax = await ErrorAsync(_client, "{ contents(pageSize: 20) { items { id }");
        Assert.StartsWith("查询语句有语法错误", syntax.GetProperty("message").GetString());

        var unknown = await ErrorAsync(_client, "{ contents { items { secret } } }");
        Assert.Equal("类型“ContentItem”上没有字段“secret”。", unknown.GetProperty("message").GetString());

        var (status, body) = await PostAsync(_client, "mutation { publish(id: \"x\") }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("   at ", body.GetRawText());
        Assert.DoesNotContain("Exception", body.GetRawText());

        var notJson = await _client.PostAsync("/graphql", new StringContent("{ contents { total } }", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("application/json", await notJson.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var query = "{ contents { total } }" + new string(' ', 200_000);
        var (status, body) = await PostAsync(_client, query);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("REQUEST_TOO_LARGE", Code(body.GetProperty("errors")[0]));
    }

    [Fact]
    public async Task The_catalogue_tree_search_and_change_feed_answer_like_REST()
    {
        var catalogue = (await DataAsync(_client, "{ catalogue { code name children { code name } } }")).GetProperty("catalogue");
        Assert.Contains(catalogue.EnumerateArray(), c => c.GetProperty("code").GetString() == "02" && c.GetProperty("children").GetArrayLength() > 0);

        var restSearch = await RestAsync(_client, "/api/v1/search?q=%E9%80%9A%E5%91%8A&pageSize=5");
        var graphSearch = (await DataAsync(_client, "{ search(q: \"通告\", pageSize: 5) { total hits { id indexNumber agencyName } facets { types { value count } } } }")).GetProperty("search");
        Assert.Equal(restSearch.GetProperty("total").GetInt32(), graphSearch.GetProperty("total").GetInt32());
        Assert.Equal(restSearch.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()), graphSearch.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));

        var restChanges = await RestAsync(_client, "/api/v1/changes?limit=7");
        var graphChanges = (await DataAsync(_client, "{ changes(limit: 7) { cursor hasMore changes { sequence id kind version occurredAt url } } }")).GetProperty("changes");
        Assert.Equal(restChanges.GetProperty("cursor").GetString(), graphChanges.GetProperty("cursor").GetString());
        Assert.Equal(restChanges.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("id").GetString() + c.GetProperty("kind").GetString()),
            graphChanges.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("id").GetString() + c.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoint()
    {
        var document = await RestAsync(_client, "/openapi/v1.json");
        var path = document.GetProperty("paths").GetProperty("/graphql");
        Assert.Equal("GraphQL 查询（POST）", path.GetProperty("post").GetProperty("summary").GetString());
        Assert.Equal("GraphQL 查询（GET）", path.GetProperty("get").GetProperty("summary").GetString());
    }
}
