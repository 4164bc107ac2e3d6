using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Credit.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Credit.Admin;

/// <summary>The pages of one 双公示 record (<c>/admin/credit/{kind}/{id}</c> and its edit page): another agency's is 404.</summary>
public sealed class CreditRecordAccessAttribute : AgencyRecordAccessAttribute
{
    protected override async Task<bool?> MayActOnAsync(IServiceProvider services, RouteValueDictionary route, Actor actor, CancellationToken cancellationToken) =>
        route.TryGetValue("id", out var value) && value is string text && long.TryParse(text, out var id)
        && CreditAdmin.Kind(route.GetValueOrDefault("kind") as string) is { } kind
            ? await services.GetRequiredService<CreditAdminQuery>().MayActOnAsync(kind, id, actor, cancellationToken)
            : null;
}
