using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Contents.Admin;

/// <summary>
/// For pages of another module that manage a content item by its id in the route (a 征求意见's comments, an 在线访谈's
/// questions): the item is 404 to whoever may not see it (<see cref="ContentAccess"/>: another agency's, another
/// department's), for every GET and POST alike.
/// </summary>
public sealed class ContentItemAccessAttribute : AgencyRecordAccessAttribute
{
    protected override async Task<bool?> MayActOnAsync(IServiceProvider services, RouteValueDictionary route, Actor actor, CancellationToken cancellationToken) =>
        route.GetValueOrDefault("id") is string id
            ? await services.GetRequiredService<ItemAccess>().MaySeeItemAsync(actor, id, cancellationToken)
            : null;
}
