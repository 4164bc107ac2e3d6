using System.Text.Encodings.Web;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Disclosure.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.ApiClients.Authentication;

/// <summary>The scheme's name, as endpoints and the GraphQL module name it.</summary>
public static class ApiClientAuthentication
{
    public const string Scheme = "ApiClient";

    /// <summary>Whether the request carries <c>Authorization: Bearer …</c>, the only credential this scheme reads.</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The <c>ApiClient</c> scheme: <c>Authorization: Bearer …</c> with either an access token from the token endpoint or
/// a personal access token (<c>dspat_…</c>). Every request reads the client's row, so a revoked client, a rotated
/// secret or a narrowed scope takes effect on the next request, not when a token expires. Only endpoints that name
/// this scheme use it; the admin's cookie sign-in never accepts a bearer token, nor this scheme a cookie.
/// </summary>
public sealed class ApiClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    DisclosureDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private string? _failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiClientAuthentication.HasBearerToken(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var (client, scopes) = token.StartsWith(ApiSecrets.PersonalTokenPrefix, StringComparison.Ordinal)
            ? await PersonalTokenClientAsync(token)
            : await AccessTokenClientAsync(token);
        if (client is null)
        {
            return AuthenticateResult.Fail(_failure ?? "invalid token");
        }

        var principal = ApiClientClaims.Principal(client, scopes);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiClientAuthentication.Scheme));
    }

    private async Task<(ApiClientRecord? Client, IReadOnlySet<string> Scopes)> AccessTokenClientAsync(string token)
    {
        var (clientId, scopes, generation, failure) = await tokens.ReadAsync(token);
        if (clientId is null)
        {
            return Refuse(failure == "expired" ? "访问令牌已过期，请重新获取。" : "访问令牌无效。");
        }

        var client = await db.Set<ApiClientRecord>().AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, Context.RequestAborted);
        if (client is null || client.IsRevoked)
        {
            return Refuse("该接口客户端已停用。");
        }

        if (client.SecretGeneration != generation)
        {
            return Refuse("客户端密钥已更换，此前签发的访问令牌已失效，请用新密钥重新获取。");
        }

        // What the token asked for, less whatever the 管理员 has taken away since.
        return (client, scopes.Intersect(client.ScopeSet).ToHashSet(StringComparer.Ordinal));
    }

    private async Task<(ApiClientRecord? Client, IReadOnlySet<string> Scopes)> PersonalTokenClientAsync(string token)
    {
        var hash = ApiSecrets.Hash(token);
        var record = await db.Set<PersonalAccessTokenRecord>().AsNoTracking().Include(t => t.Client)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (record is null || record.RevokedUtc is not null)
        {
            return Refuse("个人访问令牌无效或已吊销。");
        }

        if (record.ExpiresUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return Refuse("个人访问令牌已过期。");
        }

        if (record.Client.IsRevoked)
        {
            return Refuse("该接口客户端已停用。");
        }

        return (record.Client, record.Client.ScopeSet);
    }

    private (ApiClientRecord?, IReadOnlySet<string>) Refuse(string reason)
    {
        _failure = reason;
        return (null, new HashSet<string>());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750: the header says what kind of failure in ASCII; the body says it in Chinese.
        Response.Headers.WWWAuthenticate = _failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, "未通过身份验证",
            _failure ?? "此接口须以接口客户端身份调用：请在 Authorization 请求头中提供 Bearer 访问令牌或个人访问令牌。");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var required = Context.GetEndpoint()?.Metadata.GetMetadata<ApiScopeMetadata>()?.Scopes ?? [];
        Response.Headers.WWWAuthenticate = required.Count == 0 ? "Bearer error=\"insufficient_scope\"" : $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', required)}\"";
        await ApiProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, "权限不足",
            required.Count == 0 ? "该接口客户端无权进行此操作。"
                : $"该接口客户端没有此操作所需的权限范围：{string.Join(" 或 ", required.Select(s => $"{s}（{ApiScopes.DisplayName(s)}）"))}。");
    }
}

/// <summary>The scopes an endpoint accepts (any one of them), so a 403 can name them and the API description list them.</summary>
public sealed record ApiScopeMetadata(IReadOnlyList<string> Scopes);
