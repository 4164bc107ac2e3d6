using System.Globalization;
using Disclosure.Core.Paging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Disclosure.Site.Paging;

/// <summary>
/// Checks <c>page</c> and <c>pageSize</c> on every request before any list runs, so no endpoint can forget it: a page
/// number that is not a whole number from 1 to <see cref="PageLimits.MaxPage"/> (<c>page=99999999999</c>,
/// <c>page=2147483647</c> whose OFFSET would overflow) is answered 400 — zh-CN problem details on the API, the zh-CN
/// error page elsewhere — instead of a database error. The range of <c>pageSize</c> stays each endpoint's own rule;
/// here it only has to be a number.
/// </summary>
public sealed partial class PageParameterGuard(RequestDelegate next, ILogger<PageParameterGuard> logger)
{
    public const string Title = "查询参数有误";

    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (Value(context.Request.Query, "page") is { } page && !(long.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && PageLimits.IsValidPage(number)))
        {
            errors["page"] = [$"参数 page 的值“{Shorten(page)}”无效：页码应从 1 开始，且不超过 {PageLimits.MaxPage}。"];
        }

        if (Value(context.Request.Query, "pageSize") is { } size && !int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            errors["pageSize"] = [$"参数 pageSize 的值“{Shorten(size)}”无效：每页条数应为整数。"];
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        LogRefused(logger, context.Request.QueryString.Value, context.Request.Path.Value);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)), title: Title).ExecuteAsync(context);
            return;
        }

        // An empty 400: the status code pages render the site's zh-CN “请求有误” page.
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The value as typed, cut short: it is echoed back in the answer.</summary>
    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values.ToString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused paging parameters {Query} on {Path}.")]
    private static partial void LogRefused(ILogger logger, string? query, string? path);
}
