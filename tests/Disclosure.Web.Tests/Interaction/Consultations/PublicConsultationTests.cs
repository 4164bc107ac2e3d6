using System.Net;
using Disclosure.Interaction.Consultations;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Interaction.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Interaction.DemoConsultations;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Interaction.Consultations;

/// <summary>征求意见 over HTTP against the real site: the list, a comment with captcha and antiforgery, moderation before anything is shown, the links between consultation, feedback, final document and 政策解读.</summary>
[Collection(InteractionPublicGroup.Name)]
public sealed class PublicConsultationTests(InteractionSiteFixture fixture)
{
    [Fact]
    public async Task The_list_reads_open_and_closed_from_the_published_items()
    {
        var html = await TextAsync(await fixture.Site.CreateClient().GetAsync("/consultations"));
        var open = html.IndexOf("正在征求意见", StringComparison.Ordinal);
        var closed = html.IndexOf("已结束", open, StringComparison.Ordinal);
        Assert.InRange(html.IndexOf("永宁县电动自行车停放充电消防安全管理规定（征求意见稿）", StringComparison.Ordinal), open, closed);
        Assert.True(html.IndexOf("永宁县公安局治安管理处罚裁量基准（2026年修订征求意见稿）", StringComparison.Ordinal) > closed);
        Assert.Contains("公开意见 3 条", html); // the demo's approved comments on the open one, not the pending one
        Assert.Contains($"href=\"/content/{ClosedFeedback}\"", html);
    }

    [Fact]
    public async Task A_comment_needs_the_captcha_and_the_token_and_is_shown_only_once_approved_never_with_its_contact()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var path = "/consultations/" + OpenConsultation;
        var first = await client.GetAsync(path);
        Assert.Null(first.Headers.ETag); // a page with a form and moderated comments is never answered 304 or from the page cache
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("建议第二条明确集中充电设施的建设期限", WebUtility.HtmlDecode(page));         // approved
        Assert.DoesNotContain("我们小区只有一处充电桩", WebUtility.HtmlDecode(page));               // pending
        Assert.DoesNotContain("13995110231", page);                                               // an approved writer's phone
        Assert.DoesNotContain("resident-ebike@example.com", page);                                // an approved writer's e-mail

        // No token: refused before anything else.
        var noToken = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "没有令牌的意见" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        // Empty body and a wrong captcha: both named, in zh-CN, nothing stored, what was typed kept.
        var wrong = await client.PostAsync(path, Form(page, ("name", "赵先生"), ("phone", "abc"), ("body", " "), ("captchaId", CaptchaId(page)), ("captcha", "00000")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongHtml = await TextAsync(wrong);
        Assert.Contains("请填写您的意见或建议。", wrongHtml);
        Assert.Contains("联系电话只能包含数字", wrongHtml);
        Assert.Contains("验证码不正确或已过期", wrongHtml);
        Assert.Contains("value=\"赵先生\"", wrongHtml);

        var body = "建议在小区出入口增设电动自行车充电柜。" + Guid.NewGuid().ToString("n")[..6];
        page = await client.GetStringAsync(path);
        var id = CaptchaId(page);
        var answer = await CaptchaAnswerAsync(fixture.Site.Services, id);
        var sent = await client.PostAsync(path, Form(page,
            ("name", "赵先生"), ("phone", "13800001111"), ("email", "zhao@example.com"), ("body", body), ("captchaId", id), ("captcha", answer)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await TextAsync(await client.GetAsync(sent.Headers.Location!.OriginalString));
        Assert.Contains("您的意见已提交，经审核后公开", after);
        Assert.DoesNotContain(body, after);

        // The same captcha again: spent.
        var replay = await client.PostAsync(path, Form(page, ("body", body), ("captchaId", id), ("captcha", answer)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);

        var stored = await InScopeAsync(db => db.Set<ConsultationCommentRecord>().SingleAsync(c => c.Body == body));
        Assert.Equal((OpenConsultation, ModerationState.Pending, "13800001111", "zhao@example.com"), (stored.ConsultationId, stored.State, stored.Phone, stored.Email));

        Assert.True(await WithServicesAsync(sp => sp.GetRequiredService<ConsultationComments>().ModerateAsync(OpenConsultation, stored.Id, ModerationState.Approved, "office", CancellationToken.None)));
        var shown = await TextAsync(await client.GetAsync(path));
        Assert.Contains(body, shown); // not a cached copy of the page from before the approval
        Assert.Contains("赵先生", shown);
        Assert.DoesNotContain("13800001111", shown);
        Assert.DoesNotContain("zhao@example.com", shown);
    }

    [Fact]
    public async Task After_the_window_a_comment_is_refused_and_nothing_is_stored()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var open = await client.GetStringAsync("/consultations/" + OpenConsultation);
        var closedPage = await TextAsync(await client.GetAsync("/consultations/" + ClosedConsultation));
        Assert.Contains("不再受理意见", closedPage);
        Assert.DoesNotContain("name=\"captchaId\"", closedPage); // no form after the window

        var before = await InScopeAsync(db => db.Set<ConsultationCommentRecord>().CountAsync());
        var id = CaptchaId(open);
        var refused = await client.PostAsync("/consultations/" + ClosedConsultation, Form(open,
            ("body", "逾期提交的意见"), ("captchaId", id), ("captcha", await CaptchaAnswerAsync(fixture.Site.Services, id))));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已经结束", await TextAsync(refused));
        Assert.Equal(before, await InScopeAsync(db => db.Set<ConsultationCommentRecord>().CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/consultations/no-such-consultation")).StatusCode);
    }

    [Fact]
    public async Task Consultation_and_feedback_link_both_ways_with_the_final_document_and_its_interpretation()
    {
        var client = fixture.Site.CreateClient();

        // The demo's closed consultation: its page and its item page name the feedback, the final document and its 政策解读.
        foreach (var path in new[] { "/consultations/" + ClosedConsultation, "/content/" + ClosedConsultation })
        {
            var html = await TextAsync(await client.GetAsync(path));
            Assert.Contains($"href=\"/content/{ClosedFeedback}\"", html);
            Assert.Contains("href=\"/content/rd-2026-public-order-penalty-discretion\"", html);
            Assert.Contains("href=\"/content/pi-2026-public-order-penalty-discretion\"", html);
        }

        var feedback = await TextAsync(await client.GetAsync("/content/" + ClosedFeedback));
        Assert.Contains($"href=\"/content/{ClosedConsultation}\"", feedback);
        Assert.Contains($"href=\"/consultations/{ClosedConsultation}\"", feedback);
        Assert.Contains("共收到意见 5 条，采纳 2 条，部分采纳 1 条，未采纳 2 条。", feedback);
        Assert.Contains("href=\"/content/pi-2026-public-order-penalty-discretion\"", feedback);

        // A consultation whose feedback is not yet published links to none; once it is published, both pages link.
        var id = await ConsultationTestContent.ConsultationAsync(fixture.Site.Services, "c-web-links", "2026-11-01", "2026-11-30", title: "关于测试双向链接的规定（征求意见稿）");
        Assert.DoesNotContain("<dt>意见采纳情况</dt>", await TextAsync(await client.GetAsync("/content/" + id)));
        var draft = await ConsultationTestContent.FeedbackAsync(fixture.Site.Services, "c-web-links-feedback", id, "rd-2022-ebike-registration-measures", publish: false);
        Assert.DoesNotContain($"/content/{draft}", await TextAsync(await client.GetAsync("/consultations/" + id)));
        await WithServicesAsync(sp => sp.GetRequiredService<Storage.Content.ContentManager>().PublishAsync(draft, null, "office", Storage.Tests.Infrastructure.SampleContent.PublishedAt));
        foreach (var path in new[] { "/consultations/" + id, "/content/" + id })
        {
            var html = await TextAsync(await client.GetAsync(path));
            Assert.Contains($"href=\"/content/{draft}\"", html);
            Assert.Contains("href=\"/content/rd-2022-ebike-registration-measures\"", html);
        }

        var published = await TextAsync(await client.GetAsync("/content/" + draft));
        Assert.Contains($"href=\"/consultations/{id}\"", published);
        Assert.Contains("共收到意见 7 条，采纳 3 条，未采纳 4 条。", published);
    }

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
