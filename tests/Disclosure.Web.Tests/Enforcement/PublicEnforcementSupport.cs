using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>
/// The demo site with its clock stopped at Friday 2026-12-04 10:00 Beijing time (so the statistics' twelve months are
/// 2026年1月 to 2026年12月), the query's budgets raised for the many posts from the one test address and the
/// statistics counted afresh on every view.
/// </summary>
public sealed class EnforcementSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private DisclosureSite? _site;

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site = await DisclosureSite.DemoAsync(settings: PublicEnforcementSupport.Settings, clock: new TestClock(Now));
        _ = Site.Server; // starts the host on its copy of the demo's first start (with the demo cases)
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

/// <summary>A registered case's parties with their 查询码 and second factors, for the public query tests.</summary>
public sealed record TestCase(string Number, IReadOnlyDictionary<string, (string Code, string Tail)> Parties, IReadOnlyList<string> PersonalData);

public static partial class PublicEnforcementSupport
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Enforcement:QueryPermitLimit"] = "10000",
        ["Enforcement:GetPermitLimit"] = "10000",
        ["Enforcement:StatisticsCacheSeconds"] = "0",
    };

    /// <summary>
    /// A criminal case like the demo's A6401215100002026090031, registered through <see cref="CaseRegistry"/> so the
    /// test holds the 查询码 (shown only once): a victim (second factor: the phone) and the suspect's family (the ID
    /// number); 立案, 刑事拘留, 破案 and 鉴定意见 visible, 移送审查起诉 held back.
    /// </summary>
    public static async Task<TestCase> RegisterCriminalCaseAsync(IServiceProvider services, DateOnly acceptedOn, string? number = null)
    {
        number ??= "A640121510000" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var suffix = number[^4..];
        var victimName = $"（测试）被害人周{suffix}";
        var victimPhone = $"139951{suffix}8";
        var suspectName = $"（测试）嫌疑人家属吴{suffix}";
        var suspectId = $"64012119900101{suffix}";
        using var scope = services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<CaseRegistry>();
        var registered = await registry.RegisterAsync(new NewCase(number, "criminal", "永宁县公安局刑事侦查大队", "0951-8011110，永宁县团结东路 66 号", acceptedOn,
            [new NewParty("victim", victimName, null, victimPhone), new NewParty("suspect", suspectName, suspectId, null)]), "test");
        await registry.RecordEventsAsync(
        [
            new NewCaseEvent(number, "filed", acceptedOn.AddDays(1), DocumentNumber: $"永公（刑）立字〔2026〕{suffix}号"),
            new NewCaseEvent(number, "coercive-measure", acceptedOn.AddDays(2), DocumentName: "拘留通知书", Detail: "刑事拘留"),
            new NewCaseEvent(number, "solved", acceptedOn.AddDays(3)),
            new NewCaseEvent(number, "appraisal", acceptedOn.AddDays(4), Detail: "轻伤二级"),
            new NewCaseEvent(number, "prosecution", acceptedOn.AddDays(5), Visible: false),
        ], null, "test");
        var codes = registered.Codes;
        return new TestCase(number, new Dictionary<string, (string, string)>
        {
            ["victim"] = (codes[0].Code, victimPhone[^4..]),
            ["suspect"] = (codes[1].Code, suspectId[^4..]),
        }, [victimName, victimPhone, suspectName, suspectId]);
    }

    /// <summary>Opens the query page, fills its form and posts it, answering its captcha through the test seam unless <paramref name="captcha"/> is given.</summary>
    public static async Task<HttpResponseMessage> QueryAsync(HttpClient client, IServiceProvider services, string caseNumber, string code, string tail, string? captcha = null)
    {
        var page = await client.GetStringAsync("/enforcement/query");
        var id = CaptchaId(page);
        return await client.PostAsync("/enforcement/query", Form(page,
            ("caseNumber", caseNumber), ("queryCode", code), ("tail", tail), ("captchaId", id), ("captcha", captcha ?? await CaptchaAnswerAsync(services, id))));
    }

    /// <summary>The 办理环节 column of the answer's timeline, in order.</summary>
    public static IReadOnlyList<string> Timeline(string html) => StepRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The page with what differs between any two renderings (antiforgery token, captcha id and image) blanked.</summary>
    public static string WithoutPerRequestValues(string html) =>
        CaptchaImageRegex().Replace(CaptchaIdValueRegex().Replace(TokenValueRegex().Replace(html, "TOKEN"), "CAPTCHA"), "IMAGE");

    /// <summary>Every name, ID number and phone of the demo cases' parties.</summary>
    public static IReadOnlyList<string> DemoPartyData()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Recipes, "demo.json")));
        var values = new List<string>();
        foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "EnforcementCases"))
        {
            foreach (var party in step.GetProperty("cases").EnumerateArray().SelectMany(c => c.GetProperty("parties").EnumerateArray()))
            {
                foreach (var field in new[] { "name", "idNumber", "phone" })
                {
                    if (party.TryGetProperty(field, out var value))
                    {
                        values.Add(value.GetString()!);
                    }
                }
            }
        }

        return values.Distinct().ToList();
    }

    [GeneratedRegex("<td data-label=\"办理环节\">([^<]+)</td>")]
    private static partial Regex StepRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenValueRegex();

    [GeneratedRegex("name=\"captchaId\" value=\"[0-9a-f]{32}\"")]
    private static partial Regex CaptchaIdValueRegex();

    [GeneratedRegex("src=\"data:image/png;base64,[^\"]+\"")]
    private static partial Regex CaptchaImageRegex();
}
