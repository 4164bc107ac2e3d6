using System.Text.Json.Nodes;

namespace Disclosure.GraphQL.Endpoint;

/// <summary>
/// The body of <c>POST /graphql</c>, for readers of the code: the endpoint reads it with GraphQL.NET's serializer. It is not
/// declared with <c>Accepts</c>, since routing would then answer another content type with a bare 415 before the
/// endpoint could explain in zh-CN; the OpenAPI description gives an example instead.
/// </summary>
/// <param name="Query">查询语句。使用已登记查询时可省略，改为在 extensions.persistedQuery.sha256Hash 中给出其 SHA-256。</param>
/// <param name="OperationName">文档中有多个操作时要执行的操作名。</param>
/// <param name="Variables">变量值。</param>
/// <param name="Extensions">扩展，如 {"persistedQuery": {"version": 1, "sha256Hash": "…"}}。</param>
public sealed record GraphQLHttpRequest(string? Query, string? OperationName, JsonObject? Variables, JsonObject? Extensions);

/// <summary>The answer: <c>data</c> once the query ran, <c>errors</c> (message in zh-CN, <c>extensions.code</c>) when something was refused or failed.</summary>
public sealed record GraphQLHttpResponse(JsonObject? Data, IReadOnlyList<GraphQLHttpError>? Errors);

/// <param name="Extensions">code：错误代码（如 INVALID_ARGUMENT、NOT_FOUND、WITHDRAWN、QUERY_TOO_DEEP、QUERY_TOO_COMPLEX、QUERY_NOT_ALLOWED）及相关信息。</param>
public sealed record GraphQLHttpError(string Message, JsonArray? Locations, JsonArray? Path, JsonObject? Extensions);
