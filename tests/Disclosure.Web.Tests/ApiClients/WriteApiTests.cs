using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.ApiClients;
using Disclosure.Contents.Api;
using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// An office system drafting through the write API: create (idempotent), upload, update under If-Match, submit; then
/// the people of the review chain decide and publish, and nothing of that is open to the client.
/// </summary>
[Collection(PublishingSiteGroup.Name)]
public sealed class WriteApiTests(SiteFixture fixture)
{
    private const string Agency = "640121-103";

    private static object Notice(string title, string? agency = null, JsonArray? attachments = null) => new
    {
        type = "Disclosure",
        data = Data(title, agency, attachments),
    };

    internal static JsonObject Data(string title, string? agency = null, JsonArray? attachments = null)
    {
        var data = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["DisclosureMetadataPart"] = new JsonObject
            {
                ["Catalogue"] = "03.02",
                ["Topic"] = "公安、安全、司法",
                ["WrittenDate"] = "2026-12-01",
                ["Validity"] = "有效",
                ["Attribute"] = "主动公开",
                ["Channels"] = new JsonArray("政府网站"),
            },
            ["BodyPart"] = new JsonObject { ["Markdown"] = "为做好冬季道路交通安全工作，现将有关事项通告如下……" },
        };
        if (agency is not null)
        {
            data["DisclosureMetadataPart"]!["Agency"] = agency;
        }

        if (attachments is not null)
        {
            data["Disclosure"] = new JsonObject { ["Attachments"] = attachments };
        }

        return data;
    }

    private static HttpRequestMessage Post(string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private Task<int> ItemCountAsync() => DbAsync(db => db.ContentItems.CountAsync());

    private async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    [Fact]
    public async Task A_client_drafts_uploads_updates_and_submits_and_people_review_and_publish()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "办公自动化系统", "zhzx", ApiScopes.WriteContent, ApiScopes.WriteMedia, ApiScopes.ReadDrafts);
        var anonymous = fixture.Site.CreateClient();
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(anonymous));

        // 上传附件: checked by content; what comes back goes into the draft as it is.
        var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(WinterNoticePdf());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "冬季道路交通安全通告.pdf");
        using var uploaded = await api.PostAsync("/api/v1/media", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var media = await uploaded.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("application/pdf", (string?)media!["mediaType"]);

        var fake = new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf at all"u8.ToArray()), "file", "通告.pdf" } };
        using var refusedUpload = await api.PostAsync("/api/v1/media", fake);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedUpload.StatusCode);
        Assert.Contains("未上传", await refusedUpload.Content.ReadAsStringAsync());

        // 新建 with an idempotency key: the retry replays the answer and creates nothing.
        var before = await ItemCountAsync();
        var body = Notice("关于冬季道路交通安全的通告", attachments: [media.DeepClone()]);
        using var created = await api.SendAsync(Post("/api/v1/drafts", body, "oa-2026-12-001"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)draft!["id"]!;
        Assert.Equal($"/api/v1/drafts/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"v1\"", created.Headers.ETag!.Tag);
        Assert.Equal("Draft", (string?)draft["status"]);
        Assert.Equal(Agency, (string?)draft["data"]!["DisclosureMetadataPart"]!["Agency"]);
        Assert.Equal("zhzx", (string?)draft["department"]);

        using var replayed = await api.SendAsync(Post("/api/v1/drafts", body, "oa-2026-12-001"));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(id, (string?)(await replayed.Content.ReadFromJsonAsync<JsonObject>())!["id"]);
        Assert.Equal(before + 1, await ItemCountAsync());

        using var reused = await api.SendAsync(Post("/api/v1/drafts", Notice("另一份通告"), "oa-2026-12-001"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("幂等键已用于另一请求", await reused.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await ItemCountAsync());

        // 修改: If-Match is required, and a stale ETag loses.
        var update = new { data = Data("关于冬季道路交通安全的通告（修订）", attachments: [media.DeepClone()]) };
        using (var noPrecondition = await api.PutAsJsonAsync($"/api/v1/drafts/{id}", update))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noPrecondition.StatusCode);
        }

        using (var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/drafts/{id}") { Content = JsonContent.Create(update) })
        {
            first.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
            using var saved = await api.SendAsync(first);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("\"v2\"", saved.Headers.ETag!.Tag);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/drafts/{id}") { Content = JsonContent.Create(new { data = Data("覆盖他人修改的标题") }) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
            using var conflict = await api.SendAsync(stale);
            Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
            Assert.Equal("\"v2\"", conflict.Headers.ETag!.Tag);
        }

        using (var current = await api.GetAsync($"/api/v1/drafts/{id}"))
        {
            Assert.Equal("关于冬季道路交通安全的通告（修订）", (string?)(await current.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        }

        // 上报, then the chain's people: 初审 → 保密审查 → 领导审批, and the 公开办 publishes.
        using var submitted = await api.PostAsync($"/api/v1/drafts/{id}/submit", null);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal("初审", (string?)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["currentStep"]);
        foreach (var person in new[] { "head", "secrecy", "leader" })
        {
            await DecideAsync(person, id, "approve");
        }

        await DecideAsync("office", id, "publish");
        using var published = await anonymous.GetAsync($"/api/v1/content/{id}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("关于冬季道路交通安全的通告（修订）", await published.Content.ReadAsStringAsync());

        // The 台账 names the client for what it did, and people for what they decided.
        var ledger = await DbAsync(db => db.Ledger.Where(e => e.ContentItemId == id).OrderBy(e => e.Sequence).Select(e => new { e.Actor, e.Action }).ToListAsync());
        Assert.Equal(
            [$"api:{registered.ClientId}", $"api:{registered.ClientId}", $"api:{registered.ClientId}", "head", "secrecy", "leader", "office"],
            ledger.Select(e => e.Actor));
        Assert.Equal([DraftLedgerActions.SavedByClient, DraftLedgerActions.SavedByClient, ReviewLedgerActions.Submit], ledger.Take(3).Select(e => e.Action));
    }

    [Fact]
    public async Task A_client_token_opens_no_review_decision_and_no_other_agency_or_department()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "案件办理系统", "zhzx", ApiScopes.All.Select(s => s.Name).ToArray());
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));

        // An item of its own department, submitted by the client, and one in review of its own: no decision route opens.
        using var created = await api.SendAsync(Post("/api/v1/drafts", Notice("关于调整户籍窗口办公时间的公告")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/drafts/{id}/submit", null)).StatusCode);
        foreach (var handler in new[] { "approve", "maskapprove", "return", "publish", "schedule", "emergency", "withdraw", "submit" })
        {
            using var attempt = await api.PostAsync($"/admin/content/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Opinion"] = "同意", ["Reason"] = "撤回" }));
            Assert.True(attempt.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{handler}: {attempt.StatusCode}");
            Assert.DoesNotContain("/admin/content/" + id, attempt.Headers.Location?.OriginalString ?? string.Empty);
        }

        Assert.Equal(ContentStatus.InReview, await DbAsync(db => db.ContentVersions.Where(v => v.Item.ContentItemId == id).Select(v => v.Status).SingleAsync()));
        Assert.Equal([DraftLedgerActions.SavedByClient, ReviewLedgerActions.Submit],
            await DbAsync(db => db.Ledger.Where(e => e.ContentItemId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));

        // Nor is there an API route for it.
        foreach (var path in new[] { $"/api/v1/drafts/{id}/approve", $"/api/v1/drafts/{id}/publish", $"/api/v1/drafts/{id}/withdraw" })
        {
            using var attempt = await api.PostAsync(path, null);
            Assert.True(attempt.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, path);
        }

        // Another agency's and another department's drafts: as if they did not exist.
        string otherAgency, otherDepartment;
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var yj = SampleContent.Notice("伊金霍洛旗公安局内部草稿");
            yj.Root["DisclosureMetadataPart"]!["Agency"] = Staff.OtherAgencyCode;
            otherAgency = (await scope.ServiceProvider.GetRequiredService<Disclosure.Contents.Admin.ContentAdminQuery>()
                .ContentItemIdAsync((await manager.CreateAsync("Disclosure", yj, "editor-yj", "bgs")).ItemId));
            otherDepartment = (await scope.ServiceProvider.GetRequiredService<Disclosure.Contents.Admin.ContentAdminQuery>()
                .ContentItemIdAsync((await manager.CreateAsync("Disclosure", SampleContent.Notice("刑侦大队内部草稿"), "editor-b", "xzdd")).ItemId));
        }

        foreach (var other in new[] { otherAgency, otherDepartment })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/drafts/{other}")).StatusCode);
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/drafts/{other}") { Content = JsonContent.Create(new { data = Data("改写") }) };
            put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
            Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(put)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/drafts/{other}/submit", null)).StatusCode);
            Assert.Equal(ContentStatus.Draft, await DbAsync(db => db.ContentVersions.Where(v => v.Item.ContentItemId == other).Select(v => v.Status).SingleAsync()));
        }

        // Nor can it draft in another agency's name.
        using var foreign = await api.SendAsync(Post("/api/v1/drafts", Notice("以其他机构名义起草", Staff.OtherAgencyCode)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Contains("发布机构", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Drafts_are_checked_as_the_editor_checks_them_with_a_message_per_field()
    {
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "数据平台", "zhzx", ApiScopes.WriteContent);
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
        var before = await ItemCountAsync();

        var bad = Data("");
        bad["DisclosureMetadataPart"]!["Catalogue"] = "99.99";
        bad["DisclosureMetadataPart"]!["WrittenDate"] = "2026-13-45";
        using var refused = await api.SendAsync(Post("/api/v1/drafts", new { type = "Disclosure", data = bad }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("草稿未保存：内容有误", (string?)problem!["title"]);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("TitlePart.Title", errors.Select(e => e.Key));
        Assert.Contains("DisclosureMetadataPart.Catalogue", errors.Select(e => e.Key));
        Assert.Contains("DisclosureMetadataPart.WrittenDate", errors.Select(e => e.Key));

        using var unknownType = await api.SendAsync(Post("/api/v1/drafts", new { type = "NoSuchType", data = Data("标题") }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownType.StatusCode);
        using var missingFile = await api.SendAsync(Post("/api/v1/drafts", Notice("带附件", attachments: [new JsonObject { ["path"] = "2026/12/never-uploaded.pdf", ["name"] = "x.pdf" }])));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingFile.StatusCode);
        Assert.Contains("请先通过 POST /api/v1/media 上传", await missingFile.Content.ReadAsStringAsync());

        // Without media:write, no upload; the answer names the scope.
        using var noScope = await api.PostAsync("/api/v1/media", new MultipartFormDataContent { { new ByteArrayContent(WinterNoticePdf()), "file", "a.pdf" } });
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Contains(ApiScopes.WriteMedia, await noScope.Content.ReadAsStringAsync());
        Assert.Equal(before, await ItemCountAsync());
    }

    [Fact]
    public async Task Over_GraphQL_a_client_with_the_scope_reads_its_drafts_and_nobody_else_does()
    {
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "移动端后台", "zhzx", ApiScopes.WriteContent, ApiScopes.ReadDrafts);
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
        using var created = await api.SendAsync(Post("/api/v1/drafts", Notice("关于春运期间道路交通管制的通告（草稿）")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var query = new { query = $"{{ content(id: \"{id}\", draft: true) {{ id title status }} }}" };

        using var asClient = await api.PostAsJsonAsync("/graphql", query);
        var answer = await asClient.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("关于春运期间道路交通管制的通告（草稿）", (string?)answer!["data"]!["content"]!["title"]);

        // Anonymous: refused; a bad token: 401, not served as anonymous.
        using var anonymous = await fixture.Site.CreateClient().PostAsJsonAsync("/graphql", query);
        var refused = await anonymous.Content.ReadAsStringAsync();
        Assert.DoesNotContain("关于春运期间道路交通管制的通告", refused);
        Assert.Contains("FORBIDDEN", refused);
        using var forged = RegisteredClient.Bearer(fixture.Site, "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsJsonAsync("/graphql", query)).StatusCode);
    }

    /// <summary>A staff member's decision through the admin page, as a browser would post it.</summary>
    private async Task DecideAsync(string userName, string id, string handler)
    {
        var person = await Staff.SignedInAsync(fixture.Site, userName);
        var page = await person.GetStringAsync($"/admin/content/{id}");
        using var response = await person.PostAsync($"/admin/content/{id}?handler={handler}", Form(page, ("Opinion", "同意")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static byte[] WinterNoticePdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("Winter road safety notice", 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }
}
