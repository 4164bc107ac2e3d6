using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Interaction.Consultations;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Interaction.DemoConsultations;

namespace Disclosure.Web.Tests.Interaction.Consultations;

/// <summary>The office's 征求意见 pages: counts by state, moderation, the XLSX export and the feedback draft, each in the 台账.</summary>
[Collection(InteractionOfficeGroup.Name)]
public sealed class AdminConsultationTests(InteractionSiteFixture fixture)
{
    [Fact]
    public async Task The_office_moderates_exports_and_starts_the_feedback_and_each_action_is_in_the_ledger()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var office = await Staff.SignedInAsync(fixture.Site, "office");

        var list = await TextAsync(await office.GetAsync("/admin/consultations"));
        Assert.Contains("永宁县电动自行车停放充电消防安全管理规定（征求意见稿）", list);
        // The closed demo consultation: 0 待审核, 3 已通过, 1 不予公开, its feedback published.
        Assert.Matches("裁量基准（2026年修订征求意见稿）</a></th>\\s*<td>[^<]*</td>\\s*<td>已结束</td>\\s*<td class=\"number\">0</td>\\s*<td class=\"number\">3</td>\\s*<td class=\"number\">1</td>", list);

        var detailsPath = "/admin/consultations/" + OpenConsultation;
        var details = await TextAsync(await office.GetAsync(detailsPath));
        Assert.Contains("我们小区只有一处充电桩", details);   // the pending one, with its contact for the office
        Assert.Contains("0951-8012345", details);
        var pending = await InScopeAsync(db => db.Set<ConsultationCommentRecord>().SingleAsync(c => c.ConsultationId == OpenConsultation && c.Body.StartsWith("我们小区只有一处充电桩")));

        var approved = await office.PostAsync($"{detailsPath}?handler=moderate", Form(details, ("commentId", pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("decision", "approve")));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ModerationState.Approved, await InScopeAsync(db => db.Set<ConsultationCommentRecord>().Where(c => c.Id == pending.Id).Select(c => c.State).SingleAsync()));
        var publicPage = await TextAsync(await fixture.Site.CreateClient().GetAsync("/consultations/" + OpenConsultation));
        Assert.Contains("我们小区只有一处充电桩", publicPage);
        Assert.DoesNotContain("0951-8012345", publicPage);

        var export = await office.GetAsync($"{detailsPath}?handler=export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);

        var started = await office.PostAsync($"{detailsPath}?handler=feedback", Form(details));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var draftId = started.Headers.Location!.OriginalString.Split('/')[3];
        var draft = await InScopeAsync(db => db.ContentVersions.Where(v => v.Item.ContentItemId == draftId).Select(v => new { v.ContentType, v.Status, v.DataJson }).SingleAsync());
        Assert.Equal((ConsultationTypes.Feedback, ContentStatus.Draft), (draft.ContentType, draft.Status));
        var received = await InScopeAsync(db => db.Set<ConsultationCommentRecord>().CountAsync(c => c.ConsultationId == OpenConsultation));
        Assert.Equal(received.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode.Parse(draft.DataJson)![ConsultationTypes.Feedback]![ConsultationTypes.ReceivedField])!.ToString());

        var ledger = await InScopeAsync(db => db.Ledger.Where(e => e.ContentItemId == ConsultationLedgerActions.Subject(OpenConsultation)).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Actor }).ToListAsync());
        Assert.Equal([ConsultationLedgerActions.CommentApproved, ConsultationLedgerActions.CommentsExported, ConsultationLedgerActions.FeedbackStarted], ledger.Select(e => e.Action));
        Assert.All(ledger, e => Assert.Equal("office", e.Actor));
        // The page's 操作记录 names them in zh-CN.
        var history = await TextAsync(await office.GetAsync(detailsPath + "?state=all"));
        Assert.Contains("征求意见：公开意见", history);
        Assert.Contains("征求意见：导出意见", history);
    }

    [Fact]
    public async Task Staff_without_the_role_are_sent_away()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        foreach (var user in new[] { "norole", "leader", "secrecy" })
        {
            var client = await Staff.SignedInAsync(fixture.Site, user);
            var response = await client.GetAsync("/admin/consultations/" + OpenConsultation + "?handler=export");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty), StringComparison.Ordinal);
        }
    }

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
