using Disclosure.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Admin;

/// <summary>
/// The pages of one agency-owned record (an application by its number, a case, a 双公示 record): when the route names
/// the record, a user who may not act on it — another agency's, or none at all — gets 404 before any handler runs, for
/// every GET and POST alike (集约化). A page without the record in its route (a new record) passes. Each module says
/// how its record is found; the rule of who may see it is the kernel's <c>AgencyScope</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class AgencyRecordAccessAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (await MayActOnAsync(http.RequestServices, context.RouteData.Values, http.User.ToActor(), http.RequestAborted) == false)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }

    /// <summary>Whether <paramref name="actor"/> may act on the record the route names; null when the route names none.</summary>
    protected abstract Task<bool?> MayActOnAsync(IServiceProvider services, RouteValueDictionary route, Actor actor, CancellationToken cancellationToken);
}
