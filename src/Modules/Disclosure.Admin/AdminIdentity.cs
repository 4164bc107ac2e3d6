using System.Security.Claims;
using Disclosure.Core.Security;
using Disclosure.Storage.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Disclosure.Admin;

/// <summary>Adds the user's department and display name to the sign-in cookie, so every request knows them.</summary>
public sealed class DisclosureClaimsPrincipalFactory(
    UserManager<DisclosureUser> users,
    RoleManager<DisclosureRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DisclosureUser, DisclosureRole>(users, roles, options)
{
    public const string DepartmentClaim = "disclosure:department";
    public const string DisplayNameClaim = "disclosure:display-name";
    public const string AgencyClaim = "disclosure:agency";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DisclosureUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DepartmentCode is { } department)
        {
            identity.AddClaim(new Claim(DepartmentClaim, department));
        }

        if (user.AgencyCode is { } agency)
        {
            identity.AddClaim(new Claim(AgencyClaim, agency));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.UserName ?? string.Empty));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user as the workflow sees them.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? throw new InvalidOperationException("Not signed in."),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
        user.FindFirstValue(DisclosureClaimsPrincipalFactory.DepartmentClaim))
    {
        AgencyCode = user.FindFirstValue(DisclosureClaimsPrincipalFactory.AgencyClaim),
    };
}
