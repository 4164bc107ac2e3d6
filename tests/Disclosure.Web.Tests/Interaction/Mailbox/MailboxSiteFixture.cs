using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Interaction.Mailbox;

/// <summary>
/// The demo site (its eight fictional letters) with a clock a test can move, starting at Friday 2026-12-04 10:00
/// Beijing time, the office's staff, and the mailbox's budgets raised for the many posts from the one test address.
/// </summary>
public sealed class MailboxSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly DisclosureSite _site = new(null, new Dictionary<string, string>
    {
        ["Interaction:Mailbox:Write:PermitLimit"] = "10000",
        ["Interaction:Mailbox:Status:PermitLimit"] = "10000",
        ["Interaction:Mailbox:PageViewsPerMinute"] = "10000",
    });

    public TestClock Clock { get; } = new(Start);

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = Site.Server; // starts the host, which runs setup (with the demo letters)
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();
}
