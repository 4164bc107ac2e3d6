using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Interaction.Consultations;

/// <summary>
/// The demo site with its clock stopped at Friday 2026-12-04 10:00 Beijing time: the demo's 电动自行车 consultation is
/// open (2026-11-15 … 2026-12-31), the 裁量基准 one closed with its feedback published. The comment budget is raised
/// for the many posts from the one test address.
/// </summary>
public sealed class ConsultationSiteFixture : IAsyncLifetime
{
    public const string OpenConsultation = "consultation-2026-ebike-charging";
    public const string ClosedConsultation = "consultation-2025-penalty-discretion";
    public const string ClosedFeedback = "consultation-2025-penalty-discretion-feedback";

    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly DisclosureSite _site = new(null, new Dictionary<string, string>
    {
        ["Interaction:Consultations:CommentPermitLimit"] = "10000",
        ["Interaction:Consultations:GetPermitLimit"] = "10000",
    });

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new TestClock(Now))));
        _ = Site.Server; // starts the host, which runs setup (with the demo consultations and comments)
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();
}
