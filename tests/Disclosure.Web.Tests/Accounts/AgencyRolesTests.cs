using System.Net;
using Disclosure.AnnualReports.Data;
using Disclosure.Core.Security;
using Disclosure.Credit.Data;
using Disclosure.Enforcement.Data;
using Disclosure.Interaction.Mailbox;
using Disclosure.Requests.Data;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Accounts;

/// <summary>
/// Roles per agency (集约化): a role in one agency gives nothing in another. Every admin page that names a record is
/// tried by the staff of 伊金霍洛旗公安局 on 永宁县公安局's record of that kind, for each of their roles; a user with roles
/// in two agencies acts for one at a time, with that agency's roles only; an agency's 管理员 manages its subtree's
/// accounts only.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class AgencyRolesTests(SiteFixture fixture)
{
    private const string Yongning = "640121-103";
    private const string Ordos = "150600-103";
    private const string AgencyAdmin = "admin-yj";

    /// <summary>Admin pages with a record in the route that no agency owns, and why.</summary>
    private static readonly Dictionary<string, string> NotAgencyOwned = new()
    {
        ["/admin/credit/import/{token?}"] = "the uploader's own pending import file",
        ["/admin/enforcement/import/{token?}"] = "the uploader's own pending import file",
        ["/admin/surveys/edit/{id:long?}"] = "社会评议 questionnaires belong to the installation",
        ["/admin/surveys/{id:long}"] = "社会评议 questionnaires belong to the installation",
        ["/admin/surveys/{id:long}/export"] = "社会评议 questionnaires belong to the installation",
        ["/admin/surveys/{id:long}/moderation"] = "社会评议 questionnaires belong to the installation",
        ["/admin/supervision/clocks/{key}"] = "a 督查督办 clock is installation-wide; its page lists the user's own agency's items only (SupervisionBoardTests)",
    };

    [Fact]
    public async Task Staff_of_one_agency_reach_no_record_of_another_on_any_admin_page()
    {
        await EnsureAgencyAdminAsync();
        var routes = RecordRoutes();
        Assert.True(routes.Count >= 15, $"expected every page of one record, found: {string.Join(", ", routes)}");

        var checkedRoutes = new List<string>();
        foreach (var route in routes.Where(r => !NotAgencyOwned.ContainsKey(r)))
        {
            var path = await PathForAsync(route, Yongning)
                ?? throw new InvalidOperationException($"The demo has no record of 永宁县公安局 for {route}: add one, or say here why the page's record belongs to no agency.");
            foreach (var user in new[] { "office-yj", "editor-yj", AgencyAdmin })
            {
                var client = await Staff.SignedInAsync(fixture.Site, user);
                var response = await client.GetAsync(path);
                Assert.True(IsRefused(response), $"{user} of 伊金霍洛旗公安局 opened {path}: {(int)response.StatusCode}");
            }

            checkedRoutes.Add(route);
        }

        Assert.Contains("/admin/requests/{number}", checkedRoutes);
        Assert.Contains("/admin/content/{id}/edit", checkedRoutes);

        // The same pages are open to the agency's own staff for its own records: the refusals above are about the agency.
        var office = await Staff.SignedInAsync(fixture.Site, "office-yj");
        foreach (var route in new[] { "/admin/requests/{number}", "/admin/content/{id}", "/admin/credit/{kind}/{id}" })
        {
            var own = (await PathForAsync(route, Staff.OtherAgencyCode))!;
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(own)).StatusCode);
        }

        var admin = await Staff.SignedInAsync(fixture.Site, AgencyAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users/editor-yj")).StatusCode);
    }

    [Fact]
    public async Task A_user_with_roles_in_two_agencies_acts_for_one_at_a_time()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        const string user = "dual-yj";
        await EnsureUserAsync(user, Staff.OtherAgencyCode, "bgs", RoleNames.InformationOffice);

        // The installation's 管理员 gives the user the 信息员 role in 鄂尔多斯市公安局, on the account's page.
        var sysadmin = await Staff.SignedInAsync(fixture.Site, "sysadmin");
        var page = await sysadmin.GetStringAsync($"/admin/users/{user}");
        var granted = await sysadmin.PostAsync($"/admin/users/{user}?handler=grant", Form(page, ("Membership.Agency", Ordos), ("Membership.Roles", RoleNames.Editor)));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("鄂尔多斯市公安局", await TextAsync(await sysadmin.GetAsync($"/admin/users/{user}")));
        Assert.Contains(await LedgerAsync(user), e => e.Action == AccountLedgerActions.MembershipGranted && e.Detail!.Contains("鄂尔多斯市公安局") && e.Detail.Contains("信息员"));

        // Signed in, the user acts for their own agency: its 公开办, its applications.
        var client = await Staff.SignedInAsync(fixture.Site, user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/requests/2025-0018")).StatusCode);
        var account = await TextAsync(await client.GetAsync("/admin/account"));
        Assert.Contains("当前机构", account);
        Assert.Contains("鄂尔多斯市公安局", account);

        // Acting for 鄂尔多斯市公安局: the 信息员 there, nothing of the 公开办 at home.
        var switched = await client.PostAsync("/admin/account?handler=act", Form(account, ("agency", Ordos)));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.True(IsRefused(await client.GetAsync("/admin/requests")));
        Assert.True(IsRefused(await client.GetAsync("/admin/requests/2025-0018")));
        var editor = await TextAsync(await client.GetAsync("/admin/content/new?type=Disclosure"));
        Assert.Contains("鄂尔多斯市公安局", editor);
        Assert.DoesNotContain("伊金霍洛旗公安局", editor);
        Assert.Contains(await LedgerAsync(user), e => e.Action == AccountLedgerActions.ActingAgencyChanged && e.Detail!.Contains("鄂尔多斯市公安局"));

        // An agency where the user holds no role is refused, and the choice stays as it was.
        var refused = await client.PostAsync("/admin/account?handler=act", Form(await client.GetStringAsync("/admin/account"), ("agency", Yongning)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("您在该机构没有角色", await TextAsync(refused));
        Assert.Equal(Ordos, (await FindUserAsync(user)).ActingAgencyCode);

        // Back home, the 公开办 again.
        await client.PostAsync("/admin/account?handler=act", Form(await client.GetStringAsync("/admin/account"), ("agency", "")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/requests/2025-0018")).StatusCode);

        // Revoked, the membership is gone and so is the choice.
        await client.PostAsync("/admin/account?handler=act", Form(await client.GetStringAsync("/admin/account"), ("agency", Ordos)));
        page = await sysadmin.GetStringAsync($"/admin/users/{user}");
        Assert.Equal(HttpStatusCode.Redirect, (await sysadmin.PostAsync($"/admin/users/{user}?handler=revoke", Form(page, ("agency", Ordos)))).StatusCode);
        var revoked = await FindUserAsync(user);
        Assert.Null(revoked.ActingAgencyCode);
        Assert.False(await InScopeAsync(db => db.AgencyMemberships.AnyAsync(m => m.UserId == revoked.Id)));
    }

    [Fact]
    public async Task An_agencys_administrator_manages_the_accounts_of_its_subtree_only()
    {
        await EnsureAgencyAdminAsync();
        var admin = await Staff.SignedInAsync(fixture.Site, AgencyAdmin);
        var list = await TextAsync(await admin.GetAsync("/admin/users"));
        Assert.Contains("editor-yj", list);
        Assert.DoesNotContain(">office<", list);
        Assert.DoesNotContain("sysadmin", list);
        Assert.DoesNotContain("（不属于具体部门）", list[list.IndexOf("新建用户", StringComparison.Ordinal)..list.IndexOf("全部用户", StringComparison.Ordinal)]);

        // Its parent is not its to grant roles in, and an account without a department would be installation-wide.
        var page = await admin.GetStringAsync("/admin/users/editor-yj");
        Assert.DoesNotContain($"value=\"{Ordos}\"", page);
        var grant = await admin.PostAsync("/admin/users/editor-yj?handler=grant", Form(page, ("Membership.Agency", Ordos), ("Membership.Roles", RoleNames.InformationOffice)));
        Assert.Equal(HttpStatusCode.Conflict, grant.StatusCode);
        Assert.Contains("请选择您管理的机构", await TextAsync(grant));
        var editor = await FindUserAsync("editor-yj");
        Assert.False(await InScopeAsync(db => db.AgencyMemberships.AnyAsync(m => m.UserId == editor.Id)));

        var users = await admin.GetStringAsync("/admin/users");
        var created = await admin.PostAsync("/admin/users", Form(users, ("Input.UserName", "nodept-yj"), ("Input.DisplayName", "无部门"),
            ("Input.Password", "Agency-Pass-2026!"), ("Input.Department", ""), ("Input.Roles", RoleNames.Editor)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Contains("请选择所属部门", await TextAsync(created));
        Assert.Null(await InScopeAsync(db => db.Users.SingleOrDefaultAsync(u => u.UserName == "nodept-yj")));
    }

    /// <summary>An API client of <paramref name="agency"/> (the demo registers none, so one is added).</summary>
    private static async Task<string> ApiClientOfAsync(Disclosure.Storage.DisclosureDbContext db, string agency)
    {
        var clients = db.Set<Disclosure.ApiClients.Data.ApiClientRecord>();
        if (await clients.Where(c => c.AgencyCode == agency).Select(c => c.ClientId).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var client = new Disclosure.ApiClients.Data.ApiClientRecord
        {
            ClientId = "client-roles-" + agency, Name = "机构隔离测试客户端", AgencyCode = agency, Scopes = Disclosure.ApiClients.ApiScopes.ReadDrafts,
            SecretHash = new string('0', 64), CreatedBy = "admin", CreatedUtc = DateTime.UtcNow, SecretRotatedUtc = DateTime.UtcNow,
        };
        clients.Add(client);
        await db.SaveChangesAsync();
        return client.ClientId;
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/admin/denied", StringComparison.Ordinal));

    /// <summary>Every admin page route that names one record, from the app's own endpoints so a new page cannot be forgotten.</summary>
    private List<string> RecordRoutes() =>
        fixture.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/admin", StringComparison.Ordinal) && r.Contains('{', StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The page of <paramref name="route"/> for a record of <paramref name="agency"/>; null when the demo has none.</summary>
    private Task<string?> PathForAsync(string route, string agency) => InScopeAsync<string?>(async db =>
    {
        async Task<string?> Item(string? type) => await db.ContentItems.Where(i => i.AgencyCode == agency && (type == null || i.ContentType == type))
            .OrderBy(i => i.Id).Select(i => i.ContentItemId).FirstOrDefaultAsync();
        string? With(string? value, string placeholder) => value is null ? null : route.Replace(placeholder, value, StringComparison.Ordinal);
        return route switch
        {
            _ when route.StartsWith("/admin/content/{id}", StringComparison.Ordinal) => With(await Item(null), "{id}"),
            _ when route.StartsWith("/admin/consultations/{id}", StringComparison.Ordinal) => With(await Item("Consultation"), "{id}"),
            _ when route.StartsWith("/admin/interviews/{id}", StringComparison.Ordinal) => With(await Item("Interview"), "{id}"),
            "/admin/requests/{number}" => With(await db.Set<InformationRequestRecord>().Where(r => r.AgencyCode == agency).OrderBy(r => r.Id).Select(r => r.Number).FirstOrDefaultAsync(), "{number}"),
            "/admin/enforcement/{number}" => With(await db.Set<EnforcementCaseRecord>().Where(r => r.AgencyCode == agency).OrderBy(r => r.Id).Select(r => r.Number).FirstOrDefaultAsync(), "{number}"),
            "/admin/mailbox/{number}" => With(await db.Set<LetterRecord>().Where(r => r.AgencyCode == agency).OrderBy(r => r.Id).Select(r => r.Number).FirstOrDefaultAsync(), "{number}"),
            "/admin/credit/{kind}/{id}" or "/admin/credit/{kind}/edit/{id?}" => With(
                (await db.Set<CreditPenaltyRecord>().Where(r => r.AgencyCode == agency).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync())?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                route.EndsWith("{id?}", StringComparison.Ordinal) ? "{id?}" : "{id}")?.Replace("{kind}", "penalties", StringComparison.Ordinal),
            "/admin/annual-reports/{id}" => With(await AnnualReportAsync(db, agency), "{id}"),
            "/admin/users/{id}" => With(await db.Users.Where(u => u.AgencyCode == agency).OrderBy(u => u.UserName).Select(u => u.UserName).FirstOrDefaultAsync(), "{id}"),
            "/admin/agencies/{code}" => With(agency, "{code}"),
            "/admin/api-clients/{id}" => With(await ApiClientOfAsync(db, agency), "{id}"),
            _ => throw new InvalidOperationException($"{route} names a record this test does not know: say which agency owns it, or why none does."),
        };
    });

    /// <summary>The agency's annual report for 2025, drafted through the service when the demo has none yet.</summary>
    private async Task<string> AnnualReportAsync(DisclosureDbContext db, string agency)
    {
        if (await db.Set<AnnualReportRecord>().Where(r => r.AgencyCode == agency).Select(r => (long?)r.Id).FirstOrDefaultAsync() is not { } id)
        {
            using var scope = fixture.Site.Services.CreateScope();
            var reports = scope.ServiceProvider.GetRequiredService<Disclosure.AnnualReports.Services.AnnualReportService>();
            id = (await reports.CreateDraftAsync(agency, 2025, "sysadmin")).Id;
        }

        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A 管理员 of 伊金霍洛旗公安局 (its 办公室): manages that agency and what is below it.</summary>
    private async Task EnsureAgencyAdminAsync()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        await EnsureUserAsync(AgencyAdmin, Staff.OtherAgencyCode, "bgs", RoleNames.Administrator);
    }

    private async Task EnsureUserAsync(string userName, string agency, string department, string role)
    {
        using var scope = fixture.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DisclosureUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new DisclosureUser { UserName = userName, DisplayName = userName, AgencyCode = agency, DepartmentCode = department };
            Assert.True((await users.CreateAsync(user, Staff.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }

    private Task<DisclosureUser> FindUserAsync(string userName) => InScopeAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    private Task<List<LedgerEntry>> LedgerAsync(string userName) =>
        InScopeAsync(db => db.Ledger.AsNoTracking().Where(e => e.ContentItemId == AccountLedgerActions.Subject(userName)).ToListAsync());

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> read)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
