using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Accounts;
using Disclosure.Admin;
using Disclosure.AnnualReports;
using Disclosure.Calendar;
using Disclosure.Channels;
using Disclosure.Contents;
using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Credit;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Enforcement;
using Disclosure.Enforcement.Data;
using Disclosure.Interaction;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Surveys;
using Disclosure.Media;
using Disclosure.Requests;
using Disclosure.Requests.Data;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision;
using Disclosure.Web.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>
/// Every admin page × every kind of user, with department isolation: a 信息员 of another department gets 404 for a
/// draft (the same answer as for an item that does not exist) on every page and every POST handler of it, and for
/// its attachment. The routes and handlers come from the app's own endpoints, so a new page cannot be forgotten;
/// which role passes which policy is written out here by hand, as the specification the app is checked against.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class AdminAccessMatrixTests(SiteFixture fixture)
{
    private const string Anonymous = "(anonymous)";

    /// <summary>The policies each user passes (AdminPolicies), written from the role table in README, not from the code.</summary>
    private static readonly Dictionary<string, string[]> Passes = new()
    {
        ["editor"] = [AdminPolicies.Staff, ContentsModule.EditingPolicy, CreditModule.AdminPolicy, EnforcementModule.AdminPolicy, InteractionModule.MailboxPolicy,
            InteractionModule.SurveysPolicy, InteractionModule.ConsultationsPolicy, InteractionModule.InterviewsPolicy],
        ["editor-b"] = [AdminPolicies.Staff, ContentsModule.EditingPolicy, CreditModule.AdminPolicy, EnforcementModule.AdminPolicy, InteractionModule.MailboxPolicy,
            InteractionModule.SurveysPolicy, InteractionModule.ConsultationsPolicy, InteractionModule.InterviewsPolicy],
        ["head"] = [AdminPolicies.Staff, InteractionModule.MailboxPolicy],
        ["secrecy"] = [AdminPolicies.Staff, ContentsModule.KeywordsPolicy],
        ["leader"] = [AdminPolicies.Staff, AdminPolicies.Ledger, SupervisionModule.AdminPolicy],
        ["office"] = [AdminPolicies.Staff, ContentsModule.EditingPolicy, AdminPolicies.Ledger, CalendarModule.AdminPolicy, RequestsModule.AdminPolicy,
            ChannelsAdmin.Policy, CreditModule.AdminPolicy, CreditModule.PublishingPolicy, AnnualReportsModule.AdminPolicy, EnforcementModule.AdminPolicy,
            EnforcementModule.PartyDataPolicy, InteractionModule.MailboxPolicy, InteractionModule.FollowUpPolicy, InteractionModule.SurveysPolicy,
            InteractionModule.SurveysOfficePolicy, InteractionModule.ConsultationsPolicy, InteractionModule.InterviewsPolicy, SupervisionModule.AdminPolicy],
        ["sysadmin"] = [AdminPolicies.Staff, AdminPolicies.Ledger, ContentsModule.KeywordsPolicy, AccountsModule.UsersPolicy, CalendarModule.AdminPolicy,
            ChannelsAdmin.Policy, AnnualReportsModule.AdminPolicy, AccountsModule.SettingsPolicy, AccountsModule.AgenciesPolicy, SupervisionModule.AdminPolicy,
            Disclosure.ApiClients.ApiClientsModule.AdminPolicy],
        ["norole"] = [],
        [Anonymous] = [],
    };

    /// <summary>Who may see a draft of 指挥中心 (zhzx): its own 信息员 and 初审人, and the office-wide roles.</summary>
    private static readonly HashSet<string> SeeDepartmentA = ["editor", "head", "secrecy", "leader", "office", "sysadmin"];

    [Fact]
    public async Task Every_admin_page_answers_every_kind_of_user_as_its_policy_and_department_say()
    {
        var draft = await DepartmentDraftAsync("matrix");
        var routes = await AdminPagesAsync();
        Assert.True(routes.Count >= 20, $"expected every admin page, found: {string.Join(", ", routes.Select(r => r.Pattern))}");
        // A page behind a policy this table does not know would pass unchecked: the table must name it.
        Assert.Empty(routes.SelectMany(r => r.Policies).Distinct().Except(Passes.Values.SelectMany(p => p)));
        var failures = new List<string>();
        foreach (var user in Passes.Keys)
        {
            var client = await ClientAsync(user);
            foreach (var route in routes)
            {
                var url = await UrlAsync(route.Pattern, draft.Id);
                var expected = Expected(user, route);
                var response = await client.GetAsync(url);
                var actual = Describe(response);
                if (actual != expected)
                {
                    failures.Add($"{user} GET {url}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_post_handler_of_the_item_pages_refuses_another_departments_editor_and_changes_nothing()
    {
        var draft = await DepartmentDraftAsync("cross-post");
        var client = await ClientAsync("editor-b");
        var token = Staff.Token(await client.GetStringAsync("/admin/content"));
        var handlers = await ItemPostHandlersAsync();
        Assert.Contains(handlers, h => h.Route == "/admin/content/{id}" && h.Handler == "submit");
        Assert.Contains(handlers, h => h.Route == "/admin/content/{id}" && h.Handler == "maskapprove");
        Assert.Contains(handlers, h => h.Route == "/admin/content/{id}/edit" && h.Handler is null);


        foreach (var (route, handler) in handlers)
        {
            var url = route.Replace("{id}", draft.Id) + (handler is null ? null : "?handler=" + handler);
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Opinion"] = "跨部门操作",
                ["Reason"] = "跨部门操作",
                ["Disclosure.Title"] = "被改的标题",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}");
        }

        // Nothing was written; and the same post by the item's own 信息员 goes through, so the refusals were not the form's fault.
        var own = await ClientAsync("editor");
        var ownPage = await own.GetStringAsync($"/admin/content/{draft.Id}");
        var submitted = await own.PostAsync($"/admin/content/{draft.Id}?handler=submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Staff.Token(ownPage) }));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var versions = await InScopeAsync(db => db.ContentVersions.Where(v => v.Item.ContentItemId == draft.Id).OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
        Assert.Equal([ContentStatus.Archived, ContentStatus.InReview], versions);
        Assert.Equal([ReviewLedgerActions.Submit], await InScopeAsync(db => db.Ledger.Where(e => e.ContentItemId == draft.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_drafts_attachment_is_served_to_those_who_may_see_the_draft_only()
    {
        var draft = await DepartmentDraftAsync("with-file");
        var stray = await Media().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("上传后未保存的文件")), "未保存.txt", default);
        foreach (var user in Passes.Keys)
        {
            var client = await ClientAsync(user);
            var expected = !Passes[user].Contains(AdminPolicies.Staff) ? Refusal(user) : SeeDepartmentA.Contains(user) ? "200" : "404";
            Assert.Equal((user, expected), (user, Describe(await client.GetAsync("/admin/media/" + draft.AttachmentPath))));
            if (Passes[user].Contains(AdminPolicies.Staff))
            {
                // A file no saved version refers to is nobody's to read.
                Assert.Equal((user, "404"), (user, Describe(await client.GetAsync("/admin/media/" + stray.Path))));
            }
        }
    }

    private static string Expected(string user, AdminPage route)
    {
        if (route.Policies.Any(p => !Passes[user].Contains(p)))
        {
            return Refusal(user);
        }

        if (route.Pattern.StartsWith("/admin/content/{id}", StringComparison.Ordinal) && !SeeDepartmentA.Contains(user))
        {
            return "404";
        }

        // The demo letter routed to 指挥中心: its own 信息员 and 部门负责人 and the 公开办 see it; another department's 信息员 gets 404.
        if (route.Pattern == "/admin/mailbox/{number}" && user == "editor-b")
        {
            return "404";
        }

        // No annual report exists in the demo: the page's own 404, once past its role gate.
        return route.Pattern == "/admin/annual-reports/{id}" ? "404" : "200";
    }

    private static string Refusal(string user) => user == Anonymous ? "redirect /admin/login" : "redirect /admin/denied";

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect when response.Headers.Location is { } target
            && (target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString) is var location =>
            "redirect " + (location.StartsWith("/admin/login", StringComparison.Ordinal) ? "/admin/login"
                : location.StartsWith("/admin/denied", StringComparison.Ordinal) ? "/admin/denied"
                : location),
        var status => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private sealed record AdminPage(string Pattern, IReadOnlyList<string> Policies, PageActionDescriptor Descriptor);

    /// <summary>Every admin page, with every policy it requires (the folder's and its own).</summary>
    private async Task<List<AdminPage>> AdminPagesAsync()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var conventions = fixture.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return conventions
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(x => x.Pattern.StartsWith("/admin", StringComparison.Ordinal) && x.Pattern is not "/admin/login" and not "/admin/denied" and not "/admin/logout")
            .GroupBy(x => x.Pattern)
            .Select(g => g.First())
            .Select(x => new AdminPage(
                x.Pattern,
                x.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? AdminPolicies.Staff).Distinct().ToList(),
                x.Endpoint.Metadata.GetMetadata<PageActionDescriptor>()!))
            .ToList();
    }

    /// <summary>The POST handlers of the pages that open one item, read from their compiled page models.</summary>
    private async Task<List<(string Route, string? Handler)>> ItemPostHandlersAsync()
    {
        var loader = fixture.Site.Services.GetRequiredService<PageLoader>();
        var handlers = new List<(string, string?)>();
        foreach (var page in (await AdminPagesAsync()).Where(p => p.Pattern.StartsWith("/admin/content/{id}", StringComparison.Ordinal)))
        {
            var compiled = await loader.LoadAsync(page.Descriptor, EndpointMetadataCollection.Empty);
            handlers.AddRange(compiled.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => (page.Pattern, h.Name?.ToLowerInvariant())));
        }

        return handlers;
    }

    private async Task<string> UrlAsync(string pattern, string itemId)
    {
        var penalty = await InScopeAsync(db => db.Set<CreditPenaltyRecord>().OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var request = await InScopeAsync(db => db.Set<InformationRequestRecord>().OrderBy(r => r.Id).Select(r => r.Number).FirstAsync());
        var enforcementCase = await InScopeAsync(db => db.Set<EnforcementCaseRecord>().OrderBy(c => c.Id).Select(c => c.Number).FirstAsync());
        var letter = await InScopeAsync(db => db.Set<LetterRecord>().Where(l => l.DepartmentCode == "zhzx").Select(l => l.Number).FirstAsync());
        var survey = await InScopeAsync(db => db.Set<SurveyRecord>().OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var apiClient = await InScopeAsync(db => db.Set<Disclosure.ApiClients.Data.ApiClientRecord>().OrderBy(c => c.Id).Select(c => c.ClientId).FirstOrDefaultAsync())
            ?? (await ApiClients.RegisteredClient.RegisterAsync(fixture.Site.Services, "权限矩阵测试客户端", null, Disclosure.ApiClients.ApiScopes.ReadDrafts)).ClientId;
        return pattern switch
        {
            "/admin/api-clients/{id}" => Disclosure.ApiClients.Clients.ApiClientPaths.Details(apiClient),
            "/admin/annual-reports/{id}" => "/admin/annual-reports/999999",
            "/admin/content/new" => "/admin/content/new?type=Disclosure",
            "/admin/credit/{kind}/{id}" => CreditAdmin.Url(CreditRecordKind.Penalty, penalty),
            "/admin/credit/{kind}/edit/{id?}" => $"/admin/credit/{CreditAdmin.Penalties}/edit",
            "/admin/credit/export" => $"/admin/credit/export?kind={CreditAdmin.Penalties}&template=true",
            "/admin/requests/{number}" => "/admin/requests/" + Uri.EscapeDataString(request),
            "/admin/enforcement/{number}" => "/admin/enforcement/" + Uri.EscapeDataString(enforcementCase),
            "/admin/mailbox/{number}" => "/admin/mailbox/" + Uri.EscapeDataString(letter),
            "/admin/supervision/clocks/{key}" => "/admin/supervision/clocks/requests",
            // 在线访谈: the demo's past interview (an interview's pages exist for published Interview items only).
            "/admin/interviews/{id}/questions" or "/admin/interviews/{id}/live" => pattern.Replace("{id}", "interview-2026-10-winter-traffic"),
            "/admin/users/{id}" => "/admin/users/editor",
            // 机构: an agency below the installation's own tree (the staff's 管理员 manages every agency).
            "/admin/agencies/{code}" => "/admin/agencies/150627-103",
            "/admin/surveys/edit/{id:long?}" => SurveyPaths.Edit(survey),
            "/admin/surveys/{id:long}" => SurveyPaths.Admin(survey),
            "/admin/surveys/{id:long}/moderation" => SurveyPaths.Moderation(survey),
            "/admin/surveys/{id:long}/export" => SurveyPaths.Export(survey),
            "/admin/consultations/{id}" => "/admin/consultations/consultation-2026-ebike-charging",
            "/admin/content/{id}/diff" => $"/admin/content/{itemId}/diff?from=1&to=2",
            _ => pattern.Replace("{id}", itemId).Replace("/{token?}", string.Empty).Replace("{id?}", string.Empty),
        };
    }

    /// <summary>A draft of 指挥中心 in two versions, the second with an attachment, written by its 信息员.</summary>
    private async Task<(string Id, string AttachmentPath)> DepartmentDraftAsync(string name)
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var id = $"{name}-{Guid.NewGuid():n}"[..24];
        var stored = await Media().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("附件正文：联系人身份证号 11010519491231002X")), "联系人名单.txt", default);
        using var scope = fixture.Site.Services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var data = SampleContent.Notice("指挥中心内部工作安排（草稿）", body: "仅供本部门审核。");
        await content.CreateAsync("Disclosure", data, "editor", "zhzx", id);
        data.Root["Disclosure"] = new JsonObject { ["Attachments"] = new JsonArray(new JsonObject { ["path"] = stored.Path, ["name"] = stored.FileName }) };
        await content.SaveDraftAsync(id, data, "editor");
        return (id, stored.Path);
    }

    private MediaStore Media() => fixture.Site.Services.GetRequiredService<MediaStore>();

    private async Task<HttpClient> ClientAsync(string user) => user == Anonymous
        ? fixture.Site.CreateClient(new() { AllowAutoRedirect = false })
        : await Staff.SignedInAsync(fixture.Site, user);

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
