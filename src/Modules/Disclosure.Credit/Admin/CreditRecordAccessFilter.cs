using Disclosure.Admin;
using Disclosure.Credit.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Credit.Admin;

/// <summary>
/// The pages of one 双公示 record (<c>/admin/credit/{kind}/{id}</c>, its edit page): another agency's record is 404 before
/// any handler runs, for every GET and POST alike (集约化). A page without an id (a new record) passes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CreditRecordAccessAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var route = context.RouteData.Values;
        if (route.TryGetValue("id", out var value) && value is string text && long.TryParse(text, out var id)
            && CreditAdmin.Kind(route.GetValueOrDefault("kind") as string) is { } kind)
        {
            var query = context.HttpContext.RequestServices.GetRequiredService<CreditAdminQuery>();
            if (!await query.MayActOnAsync(kind, id, context.HttpContext.User.ToActor(), context.HttpContext.RequestAborted))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
