using System.Text;
using System.Text.Json.Serialization;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Disclosure.ApiClients.Authentication;

/// <summary>
/// OAuth2's client-credentials grant (RFC 6749 §4.4), <c>POST /api/v1/oauth/token</c>: the client's id and secret (in
/// the form or as HTTP Basic) for a short-lived access token. Errors are RFC 6749 §5.2's codes with a zh-CN
/// <c>error_description</c>. Anonymous by nature, so the per-address limit of every public request applies to it.
/// </summary>
public static partial class TokenEndpoint
{
    public const string Path = "/oauth/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder api)
    {
        api.MapPost(Path, IssueAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("接口客户端")
            .WithName("IssueAccessToken")
            .WithSummary("获取访问令牌（OAuth2 客户端凭据模式）")
            .WithDescription("以 application/x-www-form-urlencoded 提交 grant_type=client_credentials、client_id、client_secret（或以 HTTP Basic 提供 client_id 与 client_secret），" +
                "可选 scope（以空格分隔，须为客户端已获授权的范围；不填则为全部已授权范围）。返回 access_token（JWT，Bearer）及有效秒数 expires_in。")
            .Accepts<TokenRequestForm>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>()
            .Produces<TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenError>(StatusCodes.Status401Unauthorized)
            .WithRequestExample(new TokenRequestForm("client_credentials", "oa-3f9k2m7q", "（登记时显示一次的密钥）", "content:write media:write"))
            .WithResponseExample(StatusCodes.Status200OK, new TokenResponse("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…", "Bearer", 600, "content:write media:write"))
            .WithResponseExample(StatusCodes.Status401Unauthorized, new TokenError("invalid_client", "客户端标识或密钥不正确，或该客户端已停用。"));
        return api;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, DisclosureDbContext db, AccessTokens tokens, ILoggerFactory loggers)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "请以 application/x-www-form-urlencoded 提交。");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"].ToString() != "client_credentials")
        {
            return Error("unsupported_grant_type", "仅支持 grant_type=client_credentials。");
        }

        var (clientId, secret) = Credentials(http.Request, form);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return Error("invalid_client", "请提供 client_id 和 client_secret。", StatusCodes.Status401Unauthorized);
        }

        var client = await db.Set<ApiClientRecord>().AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, http.RequestAborted);
        // One answer for an unknown client, a wrong secret and a revoked client: nothing to learn by guessing.
        if (client is null || client.IsRevoked || !ApiSecrets.Matches(secret, client.SecretHash))
        {
            LogRefused(loggers.CreateLogger(typeof(TokenEndpoint)), clientId, http.Connection.RemoteIpAddress?.ToString());
            return Error("invalid_client", "客户端标识或密钥不正确，或该客户端已停用。", StatusCodes.Status401Unauthorized);
        }

        var asked = form["scope"].ToString();
        var granted = client.ScopeSet;
        var scopes = string.IsNullOrWhiteSpace(asked) ? granted : ApiScopes.Parse(asked);
        if (scopes.Except(granted).ToList() is { Count: > 0 } beyond)
        {
            return Error("invalid_scope", $"该客户端未获授权：{string.Join(" ", beyond)}。");
        }

        var token = tokens.Issue(client, ApiScopes.Join(scopes));
        return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", token.ExpiresInSeconds, token.Scopes));
    }

    /// <summary>HTTP Basic first (RFC 6749 §2.3.1 asks servers to support it), else the form's fields.</summary>
    private static (string? ClientId, string? Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
            }

            return (null, null);
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access token refused for client {ClientId} from {Address}")]
    private static partial void LogRefused(ILogger logger, string clientId, string? address);

    private static JsonHttpResult<TokenError> Error(string code, string description, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new TokenError(code, description), statusCode: status);
}

/// <summary>The form fields of a token request, for the API description.</summary>
public sealed record TokenRequestForm(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("scope")] string? Scope);

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

public sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description);
