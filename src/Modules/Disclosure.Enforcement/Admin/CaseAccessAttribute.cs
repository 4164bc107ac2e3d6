using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Enforcement.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Enforcement.Admin;

/// <summary>The pages of one case (<c>/admin/enforcement/{number}</c>): another agency's is 404 before any handler runs.</summary>
public sealed class CaseAccessAttribute : AgencyRecordAccessAttribute
{
    protected override async Task<bool?> MayActOnAsync(IServiceProvider services, RouteValueDictionary route, Actor actor, CancellationToken cancellationToken) =>
        route.GetValueOrDefault("number") is string number
            ? await services.GetRequiredService<CaseAdminQueries>().MayActOnAsync(number, actor, cancellationToken)
            : null;
}
