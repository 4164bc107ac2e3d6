using Disclosure.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Supervision;

/// <summary>
/// The demo site for the supervision pages (死链, 条例 coverage), with the background link checker off: a test queues a
/// run with 立即检查 and works it itself, so what it sees does not depend on when the background poll comes round.
/// </summary>
public sealed class SupervisionSiteFixture : IAsyncLifetime
{
    private DisclosureSite _site = null!;

    public WebApplicationFactory<Program> Site => _site;

    public async Task InitializeAsync()
    {
        _site = await DisclosureSite.DemoAsync(settings: new Dictionary<string, string> { ["Supervision:LinkCheck:Enabled"] = "false" });
        _ = _site.Server; // starts the host on its copy of the demo's first start
        await Staff.EnsureAsync(_site.Services);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query) => InScopeAsync(sp => query(sp.GetRequiredService<DisclosureDbContext>()));

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
