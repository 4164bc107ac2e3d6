using Disclosure.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Disclosure.Admin;

/// <summary>Who may use which part of the admin. Every admin page names one of these policies.</summary>
public static class AdminPolicies
{
    /// <summary>Any office staff: editors, reviewers, the office, administrators.</summary>
    public const string Staff = "Staff";
    public const string Ledger = "Ledger";

    public static readonly string[] StaffRoles =
    [
        RoleNames.Administrator, RoleNames.Editor, RoleNames.DepartmentReviewer,
        RoleNames.SecrecyOfficer, RoleNames.Leader, RoleNames.InformationOffice,
    ];

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(StaffRoles));
        options.AddPolicy(Ledger, p => p.RequireRole(RoleNames.InformationOffice, RoleNames.Leader, RoleNames.Administrator));
    }
}
