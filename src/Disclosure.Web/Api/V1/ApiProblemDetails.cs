using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace Disclosure.Web.Api.V1;

/// <summary>
/// Puts the API's problem details into zh-CN where ASP.NET Core would answer with its English defaults ("Bad
/// Request", "Not Found" …), and explains a 400 that parameter binding gave (<c>?year=abc</c>, a page number too big
/// for an integer) in the same shape as the endpoints' own validation: title 查询参数有误 and an <c>errors</c>
/// entry per parameter. Binding stops before the handler runs, so the handler cannot say it; the endpoint's
/// parameter metadata tells which query values failed to convert. Problem details the endpoints write themselves
/// keep their own titles.
/// </summary>
public static class ApiProblemDetails
{
    public const string InvalidParametersTitle = "查询参数有误";

    public static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        if (problem.Title is not null && problem.Title != ReasonPhrases.GetReasonPhrase(status))
        {
            return; // an endpoint's own problem, already in zh-CN
        }

        problem.Title = Title(status);
        if (status == StatusCodes.Status400BadRequest && InvalidParameters(http) is { Count: > 0 } errors)
        {
            problem.Title = InvalidParametersTitle;
            problem.Detail = string.Join(" ", errors.Values.SelectMany(e => e));
            problem.Extensions["errors"] = errors;
        }
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误，请检查请求参数。",
        StatusCodes.Status401Unauthorized => "需要登录。",
        StatusCodes.Status403Forbidden => "没有权限访问。",
        StatusCodes.Status404NotFound => "接口或资源不存在。",
        StatusCodes.Status405MethodNotAllowed => "该接口不支持此请求方法。",
        StatusCodes.Status406NotAcceptable => "无法提供所要求的格式。",
        StatusCodes.Status413PayloadTooLarge => "请求内容过大。",
        StatusCodes.Status415UnsupportedMediaType => "不支持的请求内容类型。",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试。",
        StatusCodes.Status503ServiceUnavailable => "服务暂时不可用，请稍后再试。",
        >= 500 => "服务器内部错误，请稍后再试。",
        _ => "请求未能完成。",
    };

    /// <summary>The query and route values that do not convert to their parameter's type, and the required ones missing.</summary>
    private static Dictionary<string, string[]> InvalidParameters(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        var parameters = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        foreach (var parameter in parameters)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!parameter.HasTryParse || type == typeof(string))
            {
                continue; // services, bodies and strings never fail to bind from text
            }

            var raw = http.Request.RouteValues.TryGetValue(parameter.Name, out var routed) ? routed?.ToString() : http.Request.Query[parameter.Name].ToString();
            if (string.IsNullOrEmpty(raw))
            {
                if (!parameter.IsOptional)
                {
                    errors[parameter.Name] = [$"缺少参数 {parameter.Name}。"];
                }

                continue;
            }

            if (!Converts(type, raw))
            {
                errors[parameter.Name] = [$"参数 {parameter.Name} 的值“{raw}”无效，{Expected(type)}。"];
            }
        }

        return errors;
    }

    /// <summary>Whether minimal APIs' binding (the type's invariant-culture TryParse) accepts the text.</summary>
    private static bool Converts(Type type, string raw)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        }

        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (tryParse is not null)
        {
            return (bool)tryParse.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        }

        tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [raw, null])!;
    }

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64
            => $"应为 {MinValue(type)} 到 {MaxValue(type)} 之间的整数",
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "应为数字",
        TypeCode.Boolean => "应为 true 或 false",
        TypeCode.DateTime => "应为日期时间（如 2026-01-31T08:00:00+08:00）",
        _ when type == typeof(DateOnly) => "应为日期（YYYY-MM-DD）",
        _ when type == typeof(DateTimeOffset) => "应为日期时间（如 2026-01-31T08:00:00+08:00）",
        _ when type.IsEnum => $"应为以下之一：{string.Join("、", Enum.GetNames(type))}",
        _ => "格式不正确",
    };

    private static object? MinValue(Type type) => type.GetField("MinValue")?.GetValue(null);

    private static object? MaxValue(Type type) => type.GetField("MaxValue")?.GetValue(null);
}
