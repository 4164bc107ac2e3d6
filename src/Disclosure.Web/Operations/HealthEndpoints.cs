using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers (restart it if not). <c>/health/ready</c>: it can serve — the database
/// answers, setup has run and the request queue is not full (<see cref="OverloadProtection"/>) — so a load balancer
/// sends traffic only to nodes that will not fail it.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/health/ready", async (DisclosureDbContext db, OverloadProtection overload, CancellationToken cancellationToken) =>
        {
            if (overload.IsSaturated)
            {
                return Results.Text("未就绪：请求排队已满。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                var ready = await db.Database.CanConnectAsync(cancellationToken) && await db.ContentTypes.AnyAsync(cancellationToken);
                return ready
                    ? Results.Text("ready")
                    : Results.Text("未就绪：数据库尚未完成初始化。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return Results.Text("未就绪：无法连接数据库。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
    }
}
