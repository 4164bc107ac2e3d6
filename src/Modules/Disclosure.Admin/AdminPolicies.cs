using Disclosure.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Disclosure.Admin;

/// <summary>Who may use which part of the admin. Every admin page names one of these policies.</summary>
public static class AdminPolicies
{
    /// <summary>Any office staff: editors, reviewers, the office, administrators.</summary>
    public const string Staff = "Staff";
    public const string Editing = "Editing";
    public const string Ledger = "Ledger";
    public const string Keywords = "Keywords";

    public static readonly string[] StaffRoles =
    [
        RoleNames.Administrator, RoleNames.Editor, RoleNames.DepartmentReviewer,
        RoleNames.SecrecyOfficer, RoleNames.Leader, RoleNames.InformationOffice,
    ];

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(StaffRoles));
        options.AddPolicy(Editing, p => p.RequireRole(RoleNames.Editor, RoleNames.InformationOffice));
        options.AddPolicy(Ledger, p => p.RequireRole(RoleNames.InformationOffice, RoleNames.Leader, RoleNames.Administrator));
        options.AddPolicy(Keywords, p => p.RequireRole(RoleNames.SecrecyOfficer, RoleNames.Administrator));
    }
}
