using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Disclosure.ApiClients;
using Disclosure.GraphQL.Execution;
using Disclosure.GraphQL.Options;
using Disclosure.Storage.Modules;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.GraphQL.Endpoint;

/// <summary>
/// <c>/graphql</c>: a small GraphQL-over-HTTP endpoint (no server transport package is obtainable here). POST takes a
/// JSON body <c>{query, operationName, variables, extensions}</c>; GET takes the same as query-string values, for
/// simple reads and links. The answer is JSON, <c>data</c> and <c>errors</c>, with messages in zh-CN.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    private const string Description =
        "GraphQL 查询已发布内容：按内容类型生成的类型（如 RegulatoryDocument、ServiceGuide）及其字段、信息公开目录（catalogue）、" +
        "全文检索（search）、双公示（creditRecords）和变更流（changes）。匿名调用只能看到公开网站上的内容；持有 content:read-drafts 权限的 " +
        "API 客户端令牌可读取本机构的草稿（drafts，content(draft: true)）。查询深度和复杂度有上限，每页最多 100 条；错误信息为中文，" +
        "extensions.code 为错误代码。类型与字段见内省查询（__schema）。";

    /// <summary>The serializer of requests and results: Chinese written as characters, errors through <see cref="ChineseErrorInfoProvider"/>.</summary>
    public static readonly GraphQLSerializer Serializer = new(
        options => options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        new ChineseErrorInfoProvider());

    /// <summary>The OpenAPI document's examples: the answer to the query in the description, and a refused query.</summary>
    private static readonly GraphQLHttpResponse Answered = new(
        new JsonObject
        {
            ["contents"] = new JsonObject
            {
                ["total"] = 185,
                ["items"] = new JsonArray(new JsonObject
                {
                    ["id"] = "notice-2026-winter-road-safety", ["title"] = "关于做好冬季道路交通安全工作的通告", ["indexNumber"] = "640121-103/2026-00042",
                }),
            },
        },
        null);

    private static readonly GraphQLHttpResponse TooDeepExample = new(null,
    [
        new GraphQLHttpError("查询嵌套过深：共 14 层，最多允许 12 层。请减少嵌套的层数。", null, null, new JsonObject { ["code"] = "QUERY_TOO_DEEP" }),
    ]);

    /// <summary>Maps <c>GET</c> and <c>POST /graphql</c> at the root of the site (beside <c>/api/v1</c>, not in it).</summary>
    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync)
            .WithTags("GraphQL")
            .WithName("GraphQLPost")
            .WithSummary("GraphQL 查询（POST）")
            .WithDescription(Description + " 请求体为 JSON：{\"query\": \"{ contents(pageSize: 20) { total items { id title indexNumber } } }\"}。")
            .Produces<GraphQLHttpResponse>(StatusCodes.Status200OK)
            .Produces<GraphQLHttpResponse>(StatusCodes.Status400BadRequest)
            .Produces<GraphQLHttpResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status429TooManyRequests)
            .WithResponseExample(StatusCodes.Status200OK, Answered)
            .WithResponseExample(StatusCodes.Status400BadRequest, TooDeepExample)
            .AllowApiClient();
        app.MapGet(Path, GetAsync)
            .WithTags("GraphQL")
            .WithName("GraphQLGet")
            .WithSummary("GraphQL 查询（GET）")
            .WithDescription(Description + " 以查询字符串传参：?query=…&variables={…}&operationName=…，适合简单读取。")
            .Produces<GraphQLHttpResponse>(StatusCodes.Status200OK)
            .Produces<GraphQLHttpResponse>(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status429TooManyRequests)
            .WithResponseExample(StatusCodes.Status200OK, Answered)
            .WithResponseExample(StatusCodes.Status400BadRequest, TooDeepExample)
            .AllowApiClient();
        return app;
    }

    private static async Task PostAsync(HttpContext http, GraphQLExecutor executor, IOptions<GraphQLOptions> options)
    {
        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            await WriteAsync(http, TooLarge(limit));
            return;
        }

        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(http, GraphQLExecutor.Refuse(GraphQLErrorCodes.BadRequest, "请以 application/json 提交 GraphQL 请求。"));
            return;
        }

        // A body sent without a length (chunked) is held to the same limit while it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        GraphQLRequest? request;
        try
        {
            using var body = new MemoryStream();
            if (!await CopyWithinAsync(http.Request.Body, body, limit, http.RequestAborted))
            {
                await WriteAsync(http, TooLarge(limit));
                return;
            }

            body.Position = 0;
            request = await Serializer.ReadAsync<GraphQLRequest>(body, http.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException or InvalidOperationException or NotSupportedException)
        {
            await WriteAsync(http, GraphQLExecutor.Refuse(GraphQLErrorCodes.BadRequest, "请求体不是有效的 GraphQL JSON 请求（{\"query\": \"…\", \"variables\": {…}}）。"));
            return;
        }

        await ExecuteAsync(http, executor, request ?? new GraphQLRequest());
    }

    private static async Task GetAsync(
        HttpContext http,
        GraphQLExecutor executor,
        [FromQuery(Name = "query")] string? query,
        [FromQuery(Name = "operationName")] string? operationName,
        [FromQuery(Name = "variables")] string? variables,
        [FromQuery(Name = "extensions")] string? extensions)
    {
        GraphQLRequest request;
        try
        {
            request = new GraphQLRequest
            {
                Query = query,
                OperationName = operationName,
                Variables = string.IsNullOrWhiteSpace(variables) ? null : Serializer.Deserialize<Inputs>(variables),
                Extensions = string.IsNullOrWhiteSpace(extensions) ? null : Serializer.Deserialize<Inputs>(extensions),
            };
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            await WriteAsync(http, GraphQLExecutor.Refuse(GraphQLErrorCodes.BadRequest, "variables 或 extensions 不是有效的 JSON 对象。"));
            return;
        }

        await ExecuteAsync(http, executor, request);
    }

    private static async Task ExecuteAsync(HttpContext http, GraphQLExecutor executor, GraphQLRequest request) =>
        await WriteAsync(http, await executor.ExecuteAsync(request, http.User, http.RequestServices, http.RequestAborted));

    private static GraphQLOutcome TooLarge(int limit)
    {
        var outcome = GraphQLExecutor.Refuse(GraphQLErrorCodes.RequestTooLarge, $"请求内容超过了 {limit} 字节的上限。");
        return outcome with { StatusCode = StatusCodes.Status413PayloadTooLarge };
    }

    private static async Task<bool> CopyWithinAsync(Stream source, Stream target, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    private static async Task WriteAsync(HttpContext http, GraphQLOutcome outcome)
    {
        http.Response.StatusCode = outcome.StatusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        // Answers differ by caller (drafts): never stored by a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        await Serializer.WriteAsync(http.Response.Body, outcome.Result, http.RequestAborted);
    }
}
