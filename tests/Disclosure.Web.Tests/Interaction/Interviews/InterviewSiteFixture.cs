using Disclosure.Interaction.Interviews;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Interaction.Interviews;

/// <summary>
/// The demo site with its clock at Friday 2026-12-04 10:00 Beijing time: the demo's October interview has ended (its
/// transcript is the record), the December one is announced (questions open). Budgets raised for the one test address.
/// </summary>
public sealed class InterviewSiteFixture : IAsyncLifetime
{
    public const string Past = "interview-2026-10-winter-traffic";
    public const string Announced = "interview-2026-12-anti-fraud";

    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Interaction:Interviews:QuestionPermitLimit"] = "10000",
        ["Interaction:Interviews:GetPermitLimit"] = "10000",
    };

    private readonly DisclosureSite _site = new(null, Settings);

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new TestClock(Now))));
        _ = Site.Server; // starts the host, which runs setup (with the demo interviews)
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public async Task<T> InScopeAsync<T>(Func<InterviewStore, Task<T>> action)
    {
        using var scope = Site.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<InterviewStore>());
    }
}
