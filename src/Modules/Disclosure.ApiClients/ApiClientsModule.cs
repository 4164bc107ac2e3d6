using Disclosure.Admin;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Clients;
using Disclosure.Core.Security;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.ApiClients;

/// <summary>
/// API clients (接口客户端): the 管理员 registers the systems that call the API as themselves (an OA system, a
/// case-handling system, a data platform), with an agency, a department and scopes; they get access tokens from
/// <c>/api/v1/oauth/token</c> or use a personal access token. Other modules open endpoints to them with
/// <see cref="ApiClientEndpoints.RequireApiClient"/>; this module knows none of those endpoints.
/// </summary>
public sealed class ApiClientsModule : IDisclosureModule
{
    /// <summary>接口客户端: the 管理员 (a subtree's 管理员 sees its agencies' clients only).</summary>
    public const string AdminPolicy = "ApiClients";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin"];

    public string? LedgerActionName(string action) => ApiClientLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<ApiClientOptions>()
            .BindConfiguration(ApiClientOptions.SectionName)
            .Validate(o => o.PermitsPerMinute is >= 1 and <= ApiClientService.MaxPermitsPerMinute, $"ApiClients:PermitsPerMinute 应在 1 到 {ApiClientService.MaxPermitsPerMinute} 之间。")
            .Validate(o => o.Burst >= 1, "ApiClients:Burst 应至少为 1。")
            .Validate(o => o.TokenLifetimeMinutes is >= 1 and <= 60, "ApiClients:TokenLifetimeMinutes 应在 1 到 60 之间：访问令牌应短期有效。")
            .Validate(o => o.PersonalAccessTokenMaxDays is >= 1 and <= 3660, "ApiClients:PersonalAccessTokenMaxDays 应在 1 到 3660 之间。")
            .Validate(o => o.IdempotencyKeyHours is >= 1 and <= 24 * 30, "ApiClients:IdempotencyKeyHours 应在 1 到 720 之间。")
            .ValidateOnStart();
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<AccessTokens>();
        services.AddScoped<ApiClientService>();
        services.AddScoped<ApiClientNames>();
        services.AddScoped<IActorNames>(sp => sp.GetRequiredService<ApiClientNames>());
        services.AddScoped<ILedgerSubjectResolver>(sp => sp.GetRequiredService<ApiClientNames>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiClientAuthenticationHandler>(ApiClientAuthentication.Scheme, displayName: "接口客户端", configureOptions: null);
        ApiClientEndpoints.AddRateLimit(services);
        services.AddAdminPolicy(AdminPolicy, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("接口客户端", ApiClientPaths.Index, AdminPolicy, 96));
    }

    /// <summary>The token endpoint and <c>/api/v1/client</c> (who the token belongs to).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTokenEndpoint();
        endpoints.MapGet("/client", (HttpContext http) => ApiCaller.From(http.User) is { } caller
                ? Results.Ok(new ClientInfo(caller.ClientId, caller.Name, caller.AgencyCode, caller.DepartmentCode, ApiScopes.Join(caller.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                : Results.Unauthorized())
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiClientAuthentication.Scheme).RequireAuthenticatedUser())
            .RequireRateLimiting(ApiClientEndpoints.RateLimitPolicy)
            .WithTags("接口客户端")
            .WithName("GetCurrentClient")
            .WithSummary("当前接口客户端")
            .WithDescription("返回访问令牌所属客户端的标识、名称、机构、部门和当前有效的权限范围，可用于检查令牌。")
            .Produces<ClientInfo>()
            .WithResponseExample(StatusCodes.Status200OK, new ClientInfo("oa-3f9k2m7q", "县局办公自动化系统", "640121-103", "bgs", [ApiScopes.WriteContent, ApiScopes.WriteMedia]));
    }
}

public sealed record ClientInfo(string ClientId, string Name, string Agency, string? Department, IReadOnlyList<string> Scopes);
