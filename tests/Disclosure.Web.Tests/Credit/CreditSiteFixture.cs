using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Credit;

/// <summary>
/// The demo site with its clock set to Monday 2026-11-23 10:00 Beijing time, so which demo penalties are public, expired
/// or overdue is fixed: the demo's pending file holds two records past their 7 working days on that day.
/// </summary>
public sealed class CreditSiteFixture : IAsyncLifetime
{
    private DisclosureSite? _site;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site = await DisclosureSite.DemoAsync(clock: Clock);
        _ = Site.Server; // starts the host on its copy of the demo's first start
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
