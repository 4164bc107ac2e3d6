using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Core.Security;
using Disclosure.Storage.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>The office's people for admin tests, one per role of the standard chain, plus one with no role and a 信息员 of a second department.</summary>
public static partial class Staff
{
    public const string Password = "Review-Pass-2026!";

    public static readonly (string UserName, string DisplayName, string? Department, string[] Roles)[] All =
    [
        ("editor", "王信息", "zhzx", [RoleNames.Editor]),
        ("head", "李主任", "zhzx", [RoleNames.DepartmentReviewer]),
        ("secrecy", "赵保密", null, [RoleNames.SecrecyOfficer]),
        ("leader", "陈局长", null, [RoleNames.Leader]),
        ("office", "周公开", null, [RoleNames.InformationOffice]),
        ("norole", "无角色", null, []),
        // Department isolation: a 信息员 of another department (刑事侦查大队), and a 管理员 besides the first-start one.
        ("editor-b", "孙信息", "xzdd", [RoleNames.Editor]),
        ("sysadmin", "吴管理", null, [RoleNames.Administrator]),
    ];

    /// <summary>The staff of another agency of the demo tree (伊金霍洛旗公安局), for agency isolation (集约化).</summary>
    public static readonly (string UserName, string DisplayName, string? Department, string[] Roles)[] OtherAgency =
    [
        ("office-yj", "伊旗公开", null, [RoleNames.InformationOffice]),
        ("editor-yj", "伊旗信息", "bgs", [RoleNames.Editor]),
    ];

    public const string OtherAgencyCode = "150627-103";

    public static async Task EnsureAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DisclosureUser>>();
        foreach (var (name, display, department, roles, agency) in All.Select(s => (s.UserName, s.DisplayName, s.Department, s.Roles, "640121-103"))
                     .Concat(OtherAgency.Select(s => (s.UserName, s.DisplayName, s.Department, s.Roles, OtherAgencyCode))))
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var user = new DisclosureUser { UserName = name, DisplayName = display, AgencyCode = agency, DepartmentCode = department };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
            if (roles.Length > 0)
            {
                Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            }
        }
    }

    /// <summary>A client that keeps cookies, does not follow redirects, and is signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> site, string userName)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = Token(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The antiforgery token of the (first) form on a page.</summary>
    public static string Token(string html) => TokenRegex().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
