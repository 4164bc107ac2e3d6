using System.Security.Claims;
using Disclosure.ApiClients.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Disclosure.ApiClients.Authentication;

/// <summary>An access token as issued: the JWT and how long it lives (OAuth2 <c>expires_in</c>).</summary>
public sealed record IssuedAccessToken(string Token, int ExpiresInSeconds, string Scopes);

/// <summary>
/// Issues and reads the short-lived access tokens of the client-credentials grant: JWTs signed with HMAC-SHA256
/// (<see cref="TokenSigningKey"/>) carrying the client id, the scopes asked for and the secret's generation.
/// Lifetimes are judged by the application's clock, not the library's, so the whole system agrees on "now".
/// </summary>
public sealed class AccessTokens(TokenSigningKey key, IOptionsMonitor<ApiClientOptions> options, TimeProvider clock)
{
    public const string Issuer = "disclosure";
    public const string Audience = "disclosure-api";
    private const string GenerationClaim = "gen";

    /// <summary>Tolerated difference between the clocks of the nodes that issue and accept a token.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(ApiClientRecord client, string scopes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.CurrentValue.TokenLifetimeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = client.ClientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("n"),
                [ApiClientClaims.Scope] = scopes,
                [GenerationClaim] = client.SecretGeneration,
            },
        });
        return new IssuedAccessToken(token, (int)lifetime.TotalSeconds, scopes);
    }

    /// <summary>The client id, scopes and secret generation of a valid token, or the reason it is not (for the log).</summary>
    public async Task<(string? ClientId, IReadOnlySet<string> Scopes, int Generation, string? Failure)> ReadAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Checked below against TimeProvider.
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return (null, new HashSet<string>(), 0, result.Exception?.GetType().Name ?? "invalid");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo + ClockSkew < now || jwt.ValidFrom - ClockSkew > now)
        {
            return (null, new HashSet<string>(), 0, "expired");
        }

        var generation = jwt.TryGetPayloadValue<int>(GenerationClaim, out var g) ? g : 0;
        var scopes = jwt.TryGetPayloadValue<string>(ApiClientClaims.Scope, out var s) ? ApiScopes.Parse(s) : new HashSet<string>();
        return (jwt.Subject, scopes, generation, null);
    }
}
