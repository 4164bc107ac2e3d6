using System.Text.RegularExpressions;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>
/// The demo site (its seven fictional cases) with a clock a test can move, starting at Friday 2026-12-04 10:00 Beijing
/// time: the demo's 移送审查起诉 (formed 11-20, due 11-27, held) is then overdue and its 调解协议 (formed 12-02, due
/// 12-09, held) still within its days.
/// </summary>
public sealed class AdminEnforcementSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private DisclosureSite? _site;

    public TestClock Clock { get; } = new(Start);

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site = await DisclosureSite.DemoAsync(clock: Clock);
        _ = Site.Server; // starts the host on its copy of the demo's first start (with the demo cases)
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

public static partial class AdminEnforcementSupport
{
    /// <summary>The 查询码 printed on a page, as XXXX-XXXX-XXXX.</summary>
    public static IReadOnlyList<string> Codes(string html) => CodeRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text of one table row (tags dropped, whitespace collapsed) found by its id.</summary>
    public static string Row(string html, string id)
    {
        var match = Regex.Match(html, $"<tr[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no row {id}");
        return Plain(match.Groups[1].Value);
    }

    /// <summary>The due board's two figures for a unit: (待公开, 超期未公开), or null when the unit is not on it.</summary>
    public static (int Pending, int Overdue)? BoardFigures(string html, string unit)
    {
        var match = Regex.Match(html, $"<th scope=\"row\">{Regex.Escape(unit)}</th>\\s*<td class=\"number\">(.*?)</td>\\s*<td class=\"number\">(.*?)</td>", RegexOptions.Singleline);
        return match.Success ? (int.Parse(Plain(match.Groups[1].Value), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Plain(match.Groups[2].Value), System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    public static string Plain(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Trim();

    [GeneratedRegex("class=\"query-code\">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<")]
    private static partial Regex CodeRegex();
}
