using System.Text.Json;
using Disclosure.Web.Tests.Credit;
using static Disclosure.Web.Tests.GraphQL.GraphQLCalls;

namespace Disclosure.Web.Tests.GraphQL;

/// <summary>双公示 on GraphQL: the same records as <c>/api/v1/credit</c>, masked the same way, by the same public query.</summary>
[Collection(CreditSiteGroup.Name)]
public sealed class GraphQLCreditTests(CreditSiteFixture fixture)
{
    private const string Party = "party { name kind creditCode legalRepresentative legalRepresentativeIdNumber idType idNumber }";

    private readonly HttpClient _client = fixture.Site.CreateClient();

    [Theory]
    [InlineData("LICENCE", "licences", "CreditLicence", "decisionNumber decisionDate authority")]
    [InlineData("PENALTY", "penalties", "CreditPenalty", "decisionNumber decisionDate authority fineAmount publicationEnd")]
    public async Task Records_and_their_masked_parties_are_those_of_the_REST_API(string kind, string restPath, string typeName, string fields)
    {
        var rest = await RestAsync(_client, $"/api/v1/credit/{restPath}?pageSize=100");
        var data = await DataAsync(_client, $"{{ creditRecords(kind: {kind}, pageSize: 100) {{ total page pageSize items {{ __typename ... on {typeName} {{ id url {fields} agency {{ code name }} {Party} }} }} }} }}");
        var graph = data.GetProperty("creditRecords");

        Assert.Equal(rest.GetProperty("total").GetInt32(), graph.GetProperty("total").GetInt32());
        var restItems = rest.GetProperty("items").EnumerateArray().ToList();
        var graphItems = graph.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(restItems);
        Assert.Equal(restItems.Count, graphItems.Count);
        for (var i = 0; i < restItems.Count; i++)
        {
            Assert.Equal(typeName, graphItems[i].GetProperty("__typename").GetString());
            foreach (var name in $"id url {fields}".Split(' '))
            {
                Assert.Equal(restItems[i].GetProperty(name).GetRawText(), graphItems[i].GetProperty(name).GetRawText());
            }

            Assert.Equal(restItems[i].GetProperty("agency").GetRawText(), graphItems[i].GetProperty("agency").GetRawText());
            var (restParty, graphParty) = (restItems[i].GetProperty("party"), graphItems[i].GetProperty("party"));
            foreach (var name in new[] { "name", "kind", "creditCode", "legalRepresentative", "legalRepresentativeIdNumber", "idType", "idNumber" })
            {
                Assert.Equal(restParty.GetProperty(name).GetRawText(), graphParty.GetProperty(name).GetRawText());
            }
        }

        // Masking is in force on this page: natural persons' names and numbers carry the mask.
        Assert.Contains(graphItems, i => i.GetProperty("party").GetProperty("idNumber").GetString()?.Contains('*') == true
            || i.GetProperty("party").GetProperty("name").GetString()?.Contains('*') == true);
    }

    [Fact]
    public async Task A_search_by_the_masked_name_finds_what_REST_finds()
    {
        var rest = await RestAsync(_client, "/api/v1/credit/penalties?pageSize=100");
        var masked = rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("party").GetProperty("name").GetString()!).First(n => n.Contains('*'));
        var data = await DataAsync(_client, "query($q: String!) { creditRecords(kind: PENALTY, q: $q, match: EXACT) { total } }", new { q = masked });
        var restTotal = (await RestAsync(_client, $"/api/v1/credit/penalties?match=exact&q={Uri.EscapeDataString(masked)}")).GetProperty("total").GetInt32();
        Assert.True(restTotal > 0);
        Assert.Equal(restTotal, data.GetProperty("creditRecords").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task On_an_agencys_site_records_are_that_agencys_as_on_its_REST_list()
    {
        var platform = await RestAsync(_client, "/api/v1/credit/penalties?pageSize=100");
        var agency = platform.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("agency").GetProperty("code").GetString()!).First();
        var site = $"/a/{agency}";
        var rest = await RestAsync(_client, $"{site}/api/v1/credit/penalties?pageSize=100");
        var graph = (await DataAsync(_client, "{ creditRecords(kind: PENALTY, pageSize: 100) { total items { ... on CreditPenalty { id agency { code } } } } }", path: $"{site}/graphql"))
            .GetProperty("creditRecords");

        Assert.Equal(rest.GetProperty("total").GetInt32(), graph.GetProperty("total").GetInt32());
        Assert.Equal(
            rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()),
            graph.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.All(graph.GetProperty("items").EnumerateArray(), i => Assert.Equal(agency, i.GetProperty("agency").GetProperty("code").GetString()));

        // A reach REST refuses there is refused here, with the same zh-CN message.
        var (_, refused) = await PostAsync(_client, "{ creditRecords(kind: PENALTY, reach: \"everywhere\") { total } }", path: $"{site}/graphql");
        var error = refused.GetProperty("errors")[0];
        Assert.Equal("INVALID_ARGUMENT", Code(error));
        Assert.Contains("reach 应为 own（本级）、subtree（含下级）或 all（全部）", error.GetProperty("message").GetString());
    }
}
