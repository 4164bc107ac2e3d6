using Disclosure.Interaction.Interviews;
using Disclosure.Interaction.Surveys;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Interaction;

/// <summary>
/// The demo site for 政民互动 with a clock a test can move, starting at Friday 2026-12-04 10:00 Beijing time: the demo's
/// eight fictional letters; its September survey closed with results published and its November–January one open; its
/// 电动自行车 consultation open (2026-11-15 … 2026-12-31) and the 裁量基准 one closed with its feedback published; its
/// October interview ended (the transcript is the record) and the December one announced (questions open). The
/// office's staff are there, and the four features' budgets are raised for the many posts from the one test address.
/// </summary>
public sealed class InteractionSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Interaction:Mailbox:Write:PermitLimit"] = "10000",
        ["Interaction:Mailbox:Status:PermitLimit"] = "10000",
        ["Interaction:Mailbox:PageViewsPerMinute"] = "10000",
        ["Interaction:Surveys:AnswerPermitLimit"] = "10000",
        ["Interaction:Surveys:GetPermitLimit"] = "10000",
        ["Interaction:Consultations:CommentPermitLimit"] = "10000",
        ["Interaction:Consultations:GetPermitLimit"] = "10000",
        ["Interaction:Interviews:QuestionPermitLimit"] = "10000",
        ["Interaction:Interviews:GetPermitLimit"] = "10000",
    };

    private DisclosureSite? _site;

    public TestClock Clock { get; } = new(Now);

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site = await DisclosureSite.DemoAsync(settings: Settings, clock: Clock);
        _ = Site.Server; // starts the host on its copy of the demo's first start (with the demo letters, surveys, consultations and interviews)
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Site.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The demo survey that is open now, or the one closed with its results published, with its questions.</summary>
    public async Task<SurveyDefinition> DemoSurveyAsync(bool open)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var now = Now.UtcDateTime;
        var id = await db.Set<SurveyRecord>().Where(s => s.PublishedUtc != null && (open ? s.ClosesUtc > now : s.ResultsPublishedUtc != null))
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        return (await scope.ServiceProvider.GetRequiredService<SurveyStore>().FindAsync(id))!;
    }

    public Task<T> InterviewsAsync<T>(Func<InterviewStore, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<InterviewStore>()));
}

/// <summary>The demo's consultations (see <see cref="InteractionSiteFixture"/>).</summary>
public static class DemoConsultations
{
    public const string OpenConsultation = "consultation-2026-ebike-charging";
    public const string ClosedConsultation = "consultation-2025-penalty-discretion";
    public const string ClosedFeedback = "consultation-2025-penalty-discretion-feedback";
}

/// <summary>The demo's interviews (see <see cref="InteractionSiteFixture"/>).</summary>
public static class DemoInterviews
{
    public const string Past = "interview-2026-10-winter-traffic";
    public const string Announced = "interview-2026-12-anti-fraud";
}

/// <summary>
/// The public side of 政民互动 — letters, answers, comments and questions sent in, and the office's work on letters
/// the tests wrote themselves — on one site: none of these classes counts what another sends in.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InteractionPublicGroup : ICollectionFixture<InteractionSiteFixture>
{
    public const string Name = "政民互动站点（公众）";
}

/// <summary>
/// The office's side of 征求意见 and 在线访谈 on a second site: it approves the demo's pending comment and question, which
/// the public tests assert are still pending, and checks the consultation's 台账 entry by entry.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InteractionOfficeGroup : ICollectionFixture<InteractionSiteFixture>
{
    public const string Name = "政民互动站点（办公）";
}
