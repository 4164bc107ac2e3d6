using System.Globalization;
using System.Net;
using Disclosure.Interaction.Submissions;
using Disclosure.Interaction.Surveys;
using Disclosure.Site.Forms;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Interaction.Surveys;

/// <summary>社会评议 over HTTP against the demo site: the list, answering (antiforgery, captcha, cookie), the refusals, the results.</summary>
[Collection(InteractionPublicGroup.Name)]
public sealed class PublicSurveyTests(InteractionSiteFixture fixture)
{
    [Fact]
    public async Task A_visitor_answers_once_and_the_browser_is_refused_a_second_time()
    {
        var survey = await fixture.DemoSurveyAsync(open: true);
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var before = await ResponsesAsync(survey.Id);

        var list = await TextAsync(await client.GetAsync(SurveyPaths.PublicList));
        Assert.Contains($"<a href=\"{SurveyPaths.Public(survey.Id)}\">{survey.Survey.Title}</a>", list);

        var page = await client.GetStringAsync(SurveyPaths.Public(survey.Id));
        Assert.Contains("一人一票依靠验证码、浏览器记录和访问频率限制，无法完全杜绝重复提交", WebUtility.HtmlDecode(page));
        var challenge = CaptchaId(page);
        var response = await client.PostAsync(SurveyPaths.Public(survey.Id), Form(page,
        [
            .. Answers(survey), ("captchaId", challenge), ("captcha", await CaptchaAnswerAsync(fixture.Site.Services, challenge)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SurveyPaths.Thanks(survey.Id), response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SurveysController.AnsweredCookie(survey.Id) + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before + 1, await ResponsesAsync(survey.Id));

        // The thanks page, with the cookie; without it (another browser), back to the survey.
        Assert.Contains("答卷已提交", await TextAsync(await client.GetAsync(SurveyPaths.Thanks(survey.Id))));
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Site.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(SurveyPaths.Thanks(survey.Id))).StatusCode);

        // Again from the same browser: the page says so and has no form; a post is refused and stores nothing.
        var again = await TextAsync(await client.GetAsync(SurveyPaths.Public(survey.Id)));
        Assert.Contains("您已经在本浏览器上提交过本次评议的答卷", again);
        Assert.DoesNotContain("name=\"captchaId\"", again);
        var (fresh, freshAnswer) = await fixture.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());
        var repeat = await client.PostAsync(SurveyPaths.Public(survey.Id), Form(page, [.. Answers(survey), ("captchaId", fresh), ("captcha", freshAnswer)]));
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Equal(before + 1, await ResponsesAsync(survey.Id));

        // Without the antiforgery token: 400, nothing stored.
        var forged = await client.PostAsync(SurveyPaths.Public(survey.Id), new FormUrlEncodedContent(Answers(survey).Select(a => new KeyValuePair<string, string>(a.Name, a.Value))));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before + 1, await ResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task Missing_answers_come_back_with_a_message_per_question_and_what_was_chosen()
    {
        var survey = await fixture.DemoSurveyAsync(open: true);
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var before = await ResponsesAsync(survey.Id);
        var page = await client.GetStringAsync(SurveyPaths.Public(survey.Id));
        var challenge = CaptchaId(page);
        var first = survey.Questions[0];
        var option = first.Options[1].Id.ToString(CultureInfo.InvariantCulture);
        var response = await client.PostAsync(SurveyPaths.Public(survey.Id), Form(page,
            (SurveyAnswering.Field(first.Id), option), ("captchaId", challenge), ("captcha", "WRONG")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("答卷未提交，请修改以下 2 处", html);
        Assert.Contains("第 2 题：本题为必答题，请在 1 到 5 之间选择一个分值。", html);
        Assert.Contains("验证码：验证码不正确或已过期，请输入新图片中的字符。", html);
        Assert.Contains($"value=\"{option}\" checked=\"checked\"", html);
        Assert.NotEqual(challenge, CaptchaId(html));
        Assert.Equal(before, await ResponsesAsync(survey.Id));
    }

    [Fact]
    public async Task The_results_show_the_database_counts_charts_and_approved_text_only()
    {
        var closed = await fixture.DemoSurveyAsync(open: false);
        var open = await fixture.DemoSurveyAsync(open: true);
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var list = await TextAsync(await client.GetAsync(SurveyPaths.PublicList));
        Assert.Contains($"<a href=\"{SurveyPaths.Results(closed.Id)}\">{closed.Survey.Title}：评议结果</a>", list);

        var response = await client.GetAsync(SurveyPaths.Results(closed.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        var results = (await fixture.InScopeAsync(sp => sp.GetRequiredService<SurveyResults>().ComputeAsync(closed.Id)))!;
        Assert.Equal(240, results.Responses);
        Assert.Contains("共收到有效答卷 <strong id=\"responses\">240</strong> 份", html);

        // Every cell of every table, against a count of the stored answers made here independently.
        var counts = await fixture.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyAnswerRecord>()
            .Where(a => a.SurveyId == closed.Id && a.OptionId != null).GroupBy(a => a.OptionId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count));
        foreach (var result in results.Questions.Where(r => QuestionKinds.HasOptions(r.Question.Kind)))
        {
            foreach (var option in result.Question.Options)
            {
                var count = counts.GetValueOrDefault(option.Id);
                var percent = SurveyResults.Percent(count, result.Answered).ToString("0.0", CultureInfo.InvariantCulture);
                Assert.Contains($"<tr><td data-label=\"选项\">{option.Text}</td><td data-label=\"人数\">{count}</td><td data-label=\"比例\">{percent}%</td></tr>", html);
            }
        }

        Assert.Contains("<svg", html);
        Assert.Contains("role=\"img\" aria-labelledby=\"q1-chart-title q1-chart-desc\"", html);
        Assert.Contains("<title id=\"q1-chart-title\">第 1 题", html);
        Assert.Contains("平均分 <strong id=\"q3-average\">", html);

        // Free text: the approved four, not the rejected or the pending one.
        Assert.Contains("建议在网站首页增加政策解读专栏的入口，方便查找。", html);
        Assert.DoesNotContain("含个人电话的留言", html);
        Assert.DoesNotContain("语音播报", html);

        // An open survey's results are not published; a closed survey takes no answers; an unknown one is 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SurveyPaths.Results(open.Id))).StatusCode);
        Assert.Contains("本次评议已经结束，不再接受答卷", await TextAsync(await client.GetAsync(SurveyPaths.Public(closed.Id))));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SurveyPaths.Public(999_999))).StatusCode);
    }

    [Fact]
    public async Task The_office_drafts_publishes_moderates_and_exports_and_an_editor_may_only_draft()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var form = await editor.GetStringAsync("/admin/surveys/edit");
        var saved = await editor.PostAsync("/admin/surveys/edit", Form(form,
            ("Title", "窗口服务评议（测试）"), ("Introduction", "测试"), ("Opens", "2026-12-04T00:00"), ("Closes", "2026-12-31"),
            ("Questions[0].Order", "2"), ("Questions[0].Kind", "scale"), ("Questions[0].Text", "满意度"), ("Questions[0].Required", "true"),
            ("Questions[0].ScaleMin", "1"), ("Questions[0].ScaleMax", "5"), ("Questions[0].ScaleMinLabel", "不满意"), ("Questions[0].ScaleMaxLabel", "满意"),
            ("Questions[1].Order", "1"), ("Questions[1].Kind", "single"), ("Questions[1].Text", "是否在窗口办过事"), ("Questions[1].Options", "是\n否"),
            ("Questions[2].Order", "3"), ("Questions[2].Kind", "text"), ("Questions[2].Text", "建议")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var definition = (await fixture.InScopeAsync(sp => sp.GetRequiredService<SurveyStore>().FindAsync(id)))!;
        Assert.Equal(["是否在窗口办过事", "满意度", "建议"], definition.Questions.Select(q => q.Text));
        Assert.Equal((new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8)).UtcDateTime, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).UtcDateTime),
            (DateTime.SpecifyKind(definition.Survey.OpensUtc, DateTimeKind.Utc), DateTime.SpecifyKind(definition.Survey.ClosesUtc, DateTimeKind.Utc)));

        // The editor may not publish; the office may.
        var details = await editor.GetStringAsync(SurveyPaths.Admin(id));
        Assert.DoesNotContain("发布问卷", details);
        var refused = await editor.PostAsync(SurveyPaths.Admin(id) + "?handler=publish", Form(details));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/denied", refused.Headers.Location!.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString, StringComparison.Ordinal);
        var officePage = await office.GetStringAsync(SurveyPaths.Admin(id));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(SurveyPaths.Admin(id) + "?handler=publish", Form(officePage))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Site.CreateClient().GetAsync(SurveyPaths.Public(id))).StatusCode);

        // An answer with text; moderated; exported.
        var (challenge, answer) = await fixture.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());
        var values = new Dictionary<long, IReadOnlyList<string>>
        {
            [definition.Questions[0].Id] = [definition.Questions[0].Options[0].Id.ToString(CultureInfo.InvariantCulture)],
            [definition.Questions[1].Id] = ["5"],
            [definition.Questions[2].Id] = ["窗口很好"],
        };
        Assert.Equal(SubmissionOutcome.Accepted, (await fixture.InScopeAsync(sp => sp.GetRequiredService<SurveyAnswering>().SubmitAsync(id, challenge, answer, values))).Outcome);
        var moderation = await office.GetStringAsync(SurveyPaths.Moderation(id));
        Assert.Contains("窗口很好", WebUtility.HtmlDecode(moderation));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(SurveyPaths.Moderation(id))).StatusCode);
        var answerId = await fixture.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyAnswerRecord>().Where(a => a.SurveyId == id && a.Text != null).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(SurveyPaths.Moderation(id), Form(moderation, ("answer", answerId.ToString(CultureInfo.InvariantCulture)), ("state", "Approved")))).StatusCode);
        Assert.Equal(ModerationState.Approved, await fixture.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyAnswerRecord>().Where(a => a.Id == answerId).Select(a => a.Moderation).SingleAsync()));

        var export = await office.GetAsync(SurveyPaths.Export(id));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);

        // Questions are fixed now: the edit page says so.
        Assert.Contains("题目和选项不能再修改", WebUtility.HtmlDecode(await office.GetStringAsync(SurveyPaths.Edit(id))));
        var ledger = await fixture.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.ContentItemId == "survey:" + id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([SurveyLedgerActions.Created, SurveyLedgerActions.Published, SurveyLedgerActions.AnswerModerated, SurveyLedgerActions.Exported], ledger);
    }

    private static (string Name, string Value)[] Answers(SurveyDefinition survey) => survey.Questions
        .Where(q => q.Question.Required)
        .Select(q => (SurveyAnswering.Field(q.Id), q.Kind == QuestionKind.Scale ? "4" : q.Options[0].Id.ToString(CultureInfo.InvariantCulture)))
        .ToArray();

    private Task<int> ResponsesAsync(long surveyId) =>
        fixture.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyResponseRecord>().CountAsync(r => r.SurveyId == surveyId));
}
