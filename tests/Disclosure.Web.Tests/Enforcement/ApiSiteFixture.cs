using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>
/// The demo site with one case-handling system allowed to call the import API (<see cref="Source"/>, signing with
/// <see cref="Key"/>), an app webhook for the party notices, and its clock on Friday 2026-12-04 10:00 Beijing time (after the demo cases' last event).
/// </summary>
public sealed class ApiSiteFixture : IAsyncLifetime
{
    public const string Source = "jz-system";

    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    private readonly DisclosureSite _site = new(null, new Dictionary<string, string>
    {
        ["Enforcement:Sources:0:Name"] = Source,
        ["Enforcement:Sources:0:Key"] = Convert.ToBase64String(Key),
        // Never reached (the port is closed): the notices stay in the outbox for the tests to read.
        ["Channels:Webhooks:Endpoints:0:Name"] = "sms",
        ["Channels:Webhooks:Endpoints:0:Url"] = "http://127.0.0.1:9/notices",
        ["Channels:Webhooks:Endpoints:0:Secret"] = "webhook-secret",
    });

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8)));

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = Site.Server; // starts the host, which runs setup and the demo
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();
}
