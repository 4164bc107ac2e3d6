using Disclosure.Interaction.Surveys;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Interaction.Surveys;

/// <summary>
/// The demo site with its clock stopped at 2026-12-04 10:00 Beijing time: the demo's September survey closed with its
/// results published, its November–January one open. The answer budget is raised for the many posts from the one
/// test address.
/// </summary>
public sealed class SurveySiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly DisclosureSite _site = new(null, new Dictionary<string, string>
    {
        ["Interaction:Surveys:AnswerPermitLimit"] = "10000",
        ["Interaction:Surveys:GetPermitLimit"] = "10000",
    });

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new TestClock(Now))));
        _ = Site.Server; // starts the host, which runs setup (with the demo surveys)
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    /// <summary>The demo survey with this title, with its questions.</summary>
    public async Task<SurveyDefinition> DemoAsync(bool open)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var now = Now.UtcDateTime;
        var id = await db.Set<SurveyRecord>().Where(s => s.PublishedUtc != null && (open ? s.ClosesUtc > now : s.ResultsPublishedUtc != null))
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        return (await scope.ServiceProvider.GetRequiredService<SurveyStore>().FindAsync(id))!;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Site.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
