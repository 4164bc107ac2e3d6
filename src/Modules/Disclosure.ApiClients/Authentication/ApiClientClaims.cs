using System.Security.Claims;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Disclosure.Core.Security;

namespace Disclosure.ApiClients.Authentication;

/// <summary>
/// How an authenticated client appears on <c>HttpContext.User</c> (authentication type <see cref="ApiClientAuthentication.Scheme"/>):
/// its name as the 台账 actor, its id, one <see cref="Scope"/> claim per granted scope, its agency and department.
/// It holds no role: nothing that checks roles (the admin, the review chain's decisions) ever admits it.
/// </summary>
public static class ApiClientClaims
{
    public const string Scope = "scope";
    public const string ClientId = "disclosure:client";
    public const string ClientName = "disclosure:client-name";

    /// <summary>The client's own rate, when the 管理员 set one (<see cref="ApiClientRecord.PermitsPerMinute"/>).</summary>
    public const string PermitsPerMinute = "disclosure:client-rate";

    /// <summary>The same claim type the admin's sign-in uses (<c>DisclosureClaimsPrincipalFactory.AgencyClaim</c>).</summary>
    public const string Agency = Admin.DisclosureClaimsPrincipalFactory.AgencyClaim;

    public const string Department = Admin.DisclosureClaimsPrincipalFactory.DepartmentClaim;

    public static ClaimsPrincipal Principal(ApiClientRecord client, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(ApiClientAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, ApiClientLedgerActions.Actor(client.ClientId)));
        identity.AddClaim(new Claim(ClientId, client.ClientId));
        identity.AddClaim(new Claim(ClientName, client.Name));
        identity.AddClaim(new Claim(Agency, client.AgencyCode));
        if (client.DepartmentCode is { } department)
        {
            identity.AddClaim(new Claim(Department, department));
        }

        if (client.PermitsPerMinute is { } permits)
        {
            identity.AddClaim(new Claim(PermitsPerMinute, permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var scope in scopes)
        {
            identity.AddClaim(new Claim(Scope, scope));
        }

        return new ClaimsPrincipal(identity);
    }
}

/// <summary>The calling client as an endpoint reads it from <see cref="ClaimsPrincipal"/>.</summary>
public sealed record ApiCaller(string ClientId, string Name, string AgencyCode, string? DepartmentCode, IReadOnlySet<string> Scopes)
{
    /// <summary>The 台账 actor: <c>api:{clientId}</c>.</summary>
    public string ActorName => ApiClientLedgerActions.Actor(ClientId);

    public bool Has(string scope) => Scopes.Contains(scope);

    /// <summary>
    /// The client as the content rules see it: a 信息员 of its department and agency, so it drafts, edits and submits
    /// (上报) exactly what such a person could, and sees the same items. The review chain's decisions need the chain's
    /// reviewer roles, which a client never holds, and no API route offers them.
    /// </summary>
    public Actor ToDraftingActor() => new(ActorName, new HashSet<string> { RoleNames.Editor }, DepartmentCode) { AgencyCode = AgencyCode };

    public static ApiCaller? From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: ApiClientAuthentication.Scheme }
            || user.FindFirstValue(ApiClientClaims.ClientId) is not { } clientId
            || user.FindFirstValue(ApiClientClaims.Agency) is not { } agency)
        {
            return null;
        }

        return new ApiCaller(clientId, user.FindFirstValue(ApiClientClaims.ClientName) ?? clientId, agency,
            user.FindFirstValue(ApiClientClaims.Department),
            user.FindAll(ApiClientClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
