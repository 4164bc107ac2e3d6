using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Requests.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Requests.Admin;

/// <summary>The pages of one application (<c>/admin/requests/{number}</c>): another agency's is 404 before any handler runs.</summary>
public sealed class RequestAccessAttribute : AgencyRecordAccessAttribute
{
    protected override async Task<bool?> MayActOnAsync(IServiceProvider services, RouteValueDictionary route, Actor actor, CancellationToken cancellationToken) =>
        route.GetValueOrDefault("number") is string number
            ? await services.GetRequiredService<RequestQueries>().MayActOnAsync(number, actor, cancellationToken)
            : null;
}
