using System.Security.Claims;
using Disclosure.GraphQL.Access;
using Disclosure.GraphQL.Options;
using Disclosure.GraphQL.Schema;
using Disclosure.Storage.Content;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.GraphQL.Execution;

/// <summary>What a request came to: the result to write, and the HTTP status to write it with.</summary>
/// <param name="StatusCode">200 once the document ran (errors of single fields are in the result); 400 when it did not run at all.</param>
public sealed record GraphQLOutcome(ExecutionResult Result, int StatusCode);

/// <summary>
/// Runs one GraphQL request over GraphQL.NET's <see cref="DocumentExecuter"/>: the allow-list first, then the schema of
/// the current content definitions, the standard validation plus <see cref="QueryLimits"/>, and execution with the
/// caller's rights (<see cref="GraphQLCaller"/>). Independent of HTTP, so tests run it with a constructed principal.
/// </summary>
public sealed partial class GraphQLExecutor(SchemaProvider schemas, AllowedQueryList allowed, IOptions<GraphQLOptions> options, ILogger<GraphQLExecutor> logger)
{
    // Fields run one after another: resolvers share the request's DbContext, which allows one operation at a time.
    private static readonly DocumentExecuter Executer = new(
        new GraphQLDocumentBuilder(),
        new DocumentValidator(),
        new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(SerialExecutionStrategy.Instance, OperationType.Query)]),
        []);

    private readonly IValidationRule[] _rules = [.. DocumentValidator.CoreRules, new QueryLimits(options.Value)];

    public async Task<GraphQLOutcome> ExecuteAsync(GraphQLRequest request, ClaimsPrincipal? user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var hash = PersistedQueryHash(request);
        if (string.IsNullOrWhiteSpace(query))
        {
            if (hash is null)
            {
                return Refuse(GraphQLErrorCodes.BadRequest, "请求中缺少查询语句（query）。");
            }

            query = allowed.Find(hash)?.Text;
            if (query is null)
            {
                return Refuse(GraphQLErrorCodes.PersistedQueryNotFound, "没有找到该哈希值对应的已登记查询，请同时提交查询语句（query）。");
            }
        }
        else if (hash is not null && !string.Equals(hash, AllowedQueryList.Hash(query), StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(GraphQLErrorCodes.BadRequest, "查询语句与提交的 SHA-256 哈希值不符。");
        }

        if (allowed.OnlyAllowed && !allowed.IsAllowed(query))
        {
            return Refuse(GraphQLErrorCodes.QueryNotAllowed, "本站只执行已登记的查询（GraphQL:OnlyAllowedQueries），该查询不在允许列表中。");
        }

        var schema = await schemas.GetAsync(services.GetRequiredService<ContentDefinitionStore>(), cancellationToken);
        var result = await Executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            UserContext = new GraphQLUserContext(GraphQLCaller.From(user)),
            ValidationRules = _rules,
            CancellationToken = cancellationToken,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = context =>
            {
                if (context.OriginalException is not OperationCanceledException)
                {
                    LogFailed(logger, context.OriginalException, context.FieldContext?.FieldDefinition.Name);
                }

                context.ErrorMessage = "服务器内部错误，请稍后再试。";
                context.Exception = new DisclosureGraphQLError(GraphQLErrorCodes.InternalError, context.ErrorMessage);
                return Task.CompletedTask;
            },
        });
        return new GraphQLOutcome(result, result.Executed ? 200 : 400);
    }

    public static GraphQLOutcome Refuse(string code, string message) =>
        new(new ExecutionResult { Errors = [new DisclosureGraphQLError(code, message)] }, 400);

    /// <summary>The hash a client names the query by: Apollo's <c>extensions.persistedQuery.sha256Hash</c>, or <c>documentId</c> (<c>sha256:…</c> or bare).</summary>
    private static string? PersistedQueryHash(GraphQLRequest request)
    {
        if (request.Extensions?.TryGetValue("persistedQuery", out var persisted) == true
            && persisted is IDictionary<string, object?> fields && fields.TryGetValue("sha256Hash", out var value) && value is string hash)
        {
            return hash;
        }

        return request.DocumentId is { Length: > 0 } id ? (id.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? id[7..] : id) : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL field {Field} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? field);
}
