using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Requests.Data;
using Disclosure.Site.Forms;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Requests;

/// <summary>
/// The demo site (with its 2025–2026 applications) and its clock stopped at Monday 2026-11-23 10:00 Beijing time, so
/// which demo applications are near or past their deadline never changes; the public forms' rate limit is raised so
/// many tests can post from the one test "address".
/// </summary>
public sealed class RequestSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Requests:PostPermitLimit"] = "10000",
        ["Requests:StatusPermitLimit"] = "10000",
        ["Requests:GetPermitLimit"] = "10000",
    };

    private DisclosureSite? _site;

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    /// <summary>The site's clock: a test that moves it puts it back to <see cref="Now"/> before it ends.</summary>
    public TestClock Clock { get; } = new(Now);

    public async Task InitializeAsync()
    {
        Site = _site = await DisclosureSite.DemoAsync(settings: Settings, clock: Clock);
        _ = Site.Server; // starts the host on its copy of the demo's first start (with the demo applications)
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

public static partial class RequestTestSupport
{
    /// <summary>
    /// The test-only seam for the captcha: the challenge id is in the page (a hidden field) and its answer is a row
    /// of the host's own database, read here through the host's services. Nothing in the running site can read an
    /// answer back; there is no switch that turns the captcha off.
    /// </summary>
    public static async Task<string> CaptchaAnswerAsync(IServiceProvider services, string challengeId)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return await db.Set<CaptchaChallengeRecord>().Where(c => c.Id == challengeId).Select(c => c.Answer).SingleAsync();
    }

    public static string CaptchaId(string html) => CaptchaIdRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No captcha on the page.");

    /// <summary>Every name, ID number, phone number, address and e-mail of the demo applicants.</summary>
    public static IReadOnlyList<string> DemoPersonalData()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Recipes, "requests", "demo.json")));
        var values = new List<string>();
        foreach (var request in document.RootElement.GetProperty("requests").EnumerateArray())
        {
            var applicant = request.GetProperty("applicant");
            foreach (var field in new[] { "name", "idNumber", "phone", "address", "email" })
            {
                if (applicant.TryGetProperty(field, out var value))
                {
                    values.Add(value.GetString()!);
                }
            }
        }

        return values.Distinct().ToList();
    }

    [GeneratedRegex("name=\"captchaId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex CaptchaIdRegex();
}
