using System.Security.Claims;
using Disclosure.Admin;

namespace Disclosure.GraphQL.Access;

/// <summary>
/// Who is asking, as far as GraphQL cares: everyone reads what the public site shows; an API client holding the scope
/// <see cref="ApiClientClaims.ReadDraftsScope"/> also reads the latest, unpublished versions of its own agency's items.
/// </summary>
/// <param name="DraftAgency">The agency whose drafts the caller may read, or null for an anonymous (public) reader.</param>
public sealed record GraphQLCaller(string? DraftAgency)
{
    public static readonly GraphQLCaller Public = new((string?)null);

    public bool CanReadDrafts => DraftAgency is not null;

    /// <summary>
    /// The rule against the API clients' token contract: an identity authenticated as <c>ApiClient</c>, a <c>scope</c>
    /// claim naming <c>content:read-drafts</c>, and the client's agency. A signed-in member of staff (the admin cookie)
    /// is not an API client and reads the public side here; the admin is where staff see drafts.
    /// </summary>
    public static GraphQLCaller From(ClaimsPrincipal? user)
    {
        var client = user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == ApiClientClaims.AuthenticationType);
        if (client is null || !ApiClientClaims.Scopes(client).Contains(ApiClientClaims.ReadDraftsScope))
        {
            return Public;
        }

        var agency = client.FindFirst(ApiClientClaims.AgencyClaim)?.Value;
        return string.IsNullOrWhiteSpace(agency) ? Public : new GraphQLCaller(agency);
    }
}

/// <summary>The claims of an API client's identity that GraphQL reads, named by the API clients module.</summary>
public static class ApiClientClaims
{
    /// <summary>The authentication type of an identity made from an API client's token.</summary>
    public const string AuthenticationType = ApiClients.Authentication.ApiClientAuthentication.Scheme;

    /// <summary>One claim per scope granted (a space-separated list in one claim, as OAuth writes it, is read too).</summary>
    public const string ScopeClaim = ApiClients.Authentication.ApiClientClaims.Scope;

    /// <summary>The client's agency: the same claim type the admin's sign-in puts on staff.</summary>
    public const string AgencyClaim = DisclosureClaimsPrincipalFactory.AgencyClaim;

    /// <summary>Read the latest drafts of the client's own agency.</summary>
    public const string ReadDraftsScope = ApiClients.ApiScopes.ReadDrafts;

    public static IReadOnlySet<string> Scopes(ClaimsIdentity identity) =>
        identity.FindAll(ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
}
