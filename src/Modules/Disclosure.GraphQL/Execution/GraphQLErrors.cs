using GraphQL;

namespace Disclosure.GraphQL.Execution;

/// <summary>
/// An error this module raises on purpose, already in zh-CN, with a stable <see cref="ExecutionError.Code"/> a client can
/// branch on. Anything else that goes wrong is logged and answered with a generic message (no stack trace, no type names).
/// </summary>
public class DisclosureGraphQLError : ExecutionError
{
    public DisclosureGraphQLError(string code, string message)
        : base(message) => Code = code;
}

/// <summary>An argument outside what the REST API accepts too (page size, year, unknown type or agency …).</summary>
public sealed class InvalidArgumentError : DisclosureGraphQLError
{
    public const string ErrorCode = "INVALID_ARGUMENT";

    public InvalidArgumentError(string argument, string message)
        : base(ErrorCode, message) => Extensions = new Dictionary<string, object?> { ["argument"] = argument };
}

/// <summary>
/// A withdrawn item asked for by its id: like REST's 410, the answer is the notice — the reason and when — in the error's
/// extensions, never the withdrawn data.
/// </summary>
public sealed class WithdrawnError : DisclosureGraphQLError
{
    public const string ErrorCode = "WITHDRAWN";

    public WithdrawnError(string id, string title, string? indexNumber, DateTimeOffset? withdrawnAt, string? reason)
        : base(ErrorCode, "该信息已撤回。") => Extensions = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["title"] = title,
            ["indexNumber"] = indexNumber,
            ["withdrawnAt"] = withdrawnAt,
            ["reason"] = reason,
        };
}

/// <summary>The error codes of this module, besides the two above.</summary>
public static class GraphQLErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string QueryNotAllowed = "QUERY_NOT_ALLOWED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string BadRequest = "BAD_REQUEST";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string TooDeep = "QUERY_TOO_DEEP";
    public const string TooComplex = "QUERY_TOO_COMPLEX";
    public const string InternalError = "INTERNAL_ERROR";
}
