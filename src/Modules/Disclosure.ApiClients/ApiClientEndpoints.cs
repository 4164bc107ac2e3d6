using System.Threading.RateLimiting;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Idempotency;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.ApiClients;

/// <summary>How a module opens an endpoint to API clients: <c>.RequireApiClient(ApiScopes.WriteContent)</c>.</summary>
public static class ApiClientEndpoints
{
    /// <summary>The rate-limiter policy: a token bucket per client, at the client's own rate or the installation's.</summary>
    public const string RateLimitPolicy = "api-client";

    /// <summary>
    /// The endpoint answers only an API client holding one of <paramref name="scopes"/> (401 without a valid token, 403 without
    /// the scope, both as zh-CN problem details), is rate-limited per client, needs no antiforgery token (a bearer token
    /// is not sent by a browser on its own, so there is no cross-site request to forge), and honours
    /// <c>Idempotency-Key</c> on POST.
    /// </summary>
    public static TBuilder RequireApiClient<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ApiClientAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiClientClaims.Scope, scopes));
        builder.WithMetadata(new ApiScopeMetadata(scopes), new IdempotentEndpointMetadata());
        builder.RequireRateLimiting(RateLimitPolicy);
        builder.DisableAntiforgery();
        return builder;
    }

    /// <summary>
    /// The endpoint answers an API client holding one of <paramref name="scopes"/>, or a caller it authenticates itself
    /// (the enforcement API's source systems, which sign each request). A request with <c>Authorization: Bearer …</c>
    /// is a client's and is treated exactly as by <see cref="RequireApiClient"/>: 401 without a valid token, 403 without
    /// the scope, rate-limited per client, <c>Idempotency-Key</c> honoured on POST. A request without a bearer token
    /// reaches the handler anonymous, and the handler must authenticate it (<see cref="ApiCaller.From"/> is null then).
    /// The scopes stay on the endpoint as <see cref="ApiScopeMetadata"/>, so the API description lists them.
    /// </summary>
    public static TBuilder AcceptApiClient<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ApiClientAuthentication.Scheme)
            .RequireAssertion(context => ApiCaller.From(context.User) is { } caller
                ? scopes.Any(caller.Has)
                // Not a client: admitted only when it did not try to be one (a bad token is a 401, not a fall-back).
                : context.Resource is HttpContext http && !ApiClientAuthentication.HasBearerToken(http.Request)));
        builder.WithMetadata(new ApiScopeMetadata(scopes), new IdempotentEndpointMetadata());
        builder.RequireRateLimiting(RateLimitPolicy);
        builder.DisableAntiforgery();
        return builder;
    }

    /// <summary>
    /// The endpoint answers anyone, and an API client as itself: a request with a valid bearer token reaches the
    /// handler as the client (rate-limited per client), one with an invalid token is refused with 401 rather than
    /// served as anonymous, one without a token is anonymous (the public per-address limit applies). For read
    /// endpoints whose answer depends on the caller, such as GraphQL with <c>content:read-drafts</c>.
    /// </summary>
    public static TBuilder AllowApiClient<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // A policy that names the scheme makes the authorization middleware authenticate it before the rate limiter runs.
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiClientAuthentication.Scheme).RequireAssertion(_ => true));
        builder.RequireRateLimiting(RateLimitPolicy);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Headers.Authorization.Count > 0 && ApiCaller.From(http.User) is null)
            {
                await http.ChallengeAsync(ApiClientAuthentication.Scheme);
                return Results.Empty;
            }

            return await next(context);
        });
        return builder;
    }

    internal static void AddRateLimit(IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().CurrentValue;
            if (ApiCaller.From(context.User) is not { } caller)
            {
                // Not reached: authorization refuses an unauthenticated call before the limiter runs.
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            var permits = int.TryParse(context.User.FindFirst(ApiClientClaims.PermitsPerMinute)?.Value, out var own) ? own : options.PermitsPerMinute;
            // The rate is part of the key, so a rate the 管理员 changes applies from the next request.
            return RateLimitPartition.GetTokenBucketLimiter($"{caller.ClientId}:{permits}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, Math.Min(options.Burst, permits)),
                TokensPerPeriod = Math.Max(1, permits / 6),
                ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }));
}
