using System.Security.Claims;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Admin;

/// <summary>
/// Adds the user's agency, department and display name to the sign-in cookie, so every request knows them. A user who
/// acts for another agency where they hold roles (兼任, <see cref="AgencyMembershipRecord"/>) gets that agency, its
/// department and its roles instead of their own: the session holds the roles of one agency at a time.
/// </summary>
public sealed class DisclosureClaimsPrincipalFactory(
    UserManager<DisclosureUser> users,
    RoleManager<DisclosureRole> roles,
    IOptions<IdentityOptions> options,
    DisclosureDbContext db)
    : UserClaimsPrincipalFactory<DisclosureUser, DisclosureRole>(users, roles, options)
{
    public const string DepartmentClaim = "disclosure:department";
    public const string DisplayNameClaim = "disclosure:display-name";
    public const string AgencyClaim = "disclosure:agency";

    /// <summary>Present when the user holds roles in more than one agency, so the admin offers 切换机构.</summary>
    public const string ChoosesAgencyClaim = "disclosure:chooses-agency";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DisclosureUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var (agency, department) = (user.AgencyCode, user.DepartmentCode);
        var memberships = await db.AgencyMemberships.AsNoTracking().Include(m => m.Roles).Where(m => m.UserId == user.Id).ToListAsync();
        if (memberships.FirstOrDefault(m => m.AgencyCode == user.ActingAgencyCode) is { } acting)
        {
            // The other agency's roles replace the user's own: nothing held at home carries over to it.
            foreach (var claim in identity.FindAll(identity.RoleClaimType).ToList())
            {
                identity.RemoveClaim(claim);
            }

            foreach (var role in acting.Roles)
            {
                identity.AddClaim(new Claim(identity.RoleClaimType, role.RoleName));
            }

            (agency, department) = (acting.AgencyCode, acting.DepartmentCode);
        }

        if (department is not null)
        {
            identity.AddClaim(new Claim(DepartmentClaim, department));
        }

        if (agency is not null)
        {
            identity.AddClaim(new Claim(AgencyClaim, agency));
        }

        if (memberships.Count > 0)
        {
            identity.AddClaim(new Claim(ChoosesAgencyClaim, "true"));
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
