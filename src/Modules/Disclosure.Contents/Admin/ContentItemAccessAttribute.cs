using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Contents.Admin;

/// <summary>
/// For pages of another module that manage a content item by its id in the route (a 征求意见's comments, an 在线访谈's
/// questions): another agency's item is 404, for every GET and POST alike (集约化). Only the agency is checked: who
/// within the agency may work on the page is the page's policy (a 信息员 of any department moderates comments).
/// </summary>
public sealed class ContentItemAccessAttribute : AgencyRecordAccessAttribute
{
    protected override async Task<bool?> MayActOnAsync(IServiceProvider services, RouteValueDictionary route, Actor actor, CancellationToken cancellationToken)
    {
        if (route.GetValueOrDefault("id") is not string id)
        {
            return null;
        }

        var agency = await services.GetRequiredService<DisclosureDbContext>().ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == id).Select(i => i.AgencyCode).SingleOrDefaultAsync(cancellationToken);
        return agency is not null && AgencyScope.MaySee(actor, agency);
    }
}
