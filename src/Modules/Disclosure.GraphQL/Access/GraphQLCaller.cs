using System.Security.Claims;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;

namespace Disclosure.GraphQL.Access;

/// <summary>
/// Who is asking, as far as GraphQL cares: everyone reads what the public site shows; an API client holding the scope
/// <see cref="ApiScopes.ReadDrafts"/> also reads the latest, unpublished versions of its own agency's items.
/// </summary>
/// <param name="DraftAgency">The agency whose drafts the caller may read, or null for an anonymous (public) reader.</param>
public sealed record GraphQLCaller(string? DraftAgency)
{
    public static readonly GraphQLCaller Public = new((string?)null);

    public bool CanReadDrafts => DraftAgency is not null;

    /// <summary>
    /// The API client on the request (<see cref="ApiCaller.From"/>) with <c>content:read-drafts</c> reads its agency's
    /// drafts. A signed-in member of staff (the admin cookie) is not an API client and reads the public side here; the
    /// admin is where staff see drafts.
    /// </summary>
    public static GraphQLCaller From(ClaimsPrincipal? user) =>
        user is not null && ApiCaller.From(user) is { } client && client.Has(ApiScopes.ReadDrafts) && !string.IsNullOrWhiteSpace(client.AgencyCode)
            ? new GraphQLCaller(client.AgencyCode)
            : Public;
}
