using System.Net;
using System.Text.Json;
using Disclosure.Interaction.Interviews;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Interaction.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Interaction.Interviews;

/// <summary>
/// 在线访谈 over HTTP: the list, a question through captcha and antiforgery (shown only once approved, its contact
/// never), refused after the end, and <c>live.json</c> (published entries only, paged by <c>after</c>, cached briefly).
/// </summary>
[Collection(InteractionPublicGroup.Name)]
public sealed class PublicInterviewTests(InteractionSiteFixture fixture)
{
    private const string Past = DemoInterviews.Past;
    private const string Announced = DemoInterviews.Announced;

    [Fact]
    public async Task The_list_shows_the_announced_and_the_past_interviews_and_the_item_page_keeps_the_record()
    {
        var client = fixture.Site.CreateClient();
        var list = await TextAsync(await client.GetAsync("/interviews"));
        Assert.Contains("目前没有正在进行的访谈。", list);
        Assert.Matches("id=\"interviews-announced\"[\\s\\S]*年末岁初防范电信网络诈骗[\\s\\S]*id=\"past-title\"", list);
        Assert.Matches("id=\"interviews-past\"[\\s\\S]*冬季道路交通安全", list);

        var announced = await TextAsync(await client.GetAsync($"/interviews/{Announced}"));
        Assert.Contains("访谈预告", announced);
        Assert.Contains("2026-12-22 09:30—11:00", announced);
        Assert.Contains("（演示）张伟（县公安局党委委员、副局长）", announced);
        Assert.Contains("aria-live=\"polite\"", announced);
        Assert.Contains("<script src=\"/interviews/live.js\" defer>", announced);
        Assert.Contains("经常接到自称“医保局”的电话", announced);             // approved in the demo
        Assert.DoesNotContain("被骗以后多长时间内报警还能追回钱", announced);    // pending in the demo

        // The ended interview: the whole transcript, no form, no script; its ordinary item page carries the record too.
        var past = await TextAsync(await client.GetAsync($"/interviews/{Past}"));
        Assert.Contains("文字实录", past);
        Assert.Contains("遇到团雾，第一要立即降低车速", past);
        Assert.Contains("访谈已结束，不再接收提问。", past);
        Assert.DoesNotContain("与访谈主题无关的广告内容", past);                 // rejected in the demo
        Assert.DoesNotContain("/interviews/live.js\"", past);
        Assert.DoesNotContain("name=\"captcha\"", past);
        var item = await TextAsync(await client.GetAsync($"/content/{Past}"));
        Assert.Contains("文字实录", item);
        Assert.Contains("网友“望远镇居民”提问", item);
        Assert.Contains($"/interviews/{Past}", item);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interviews/no-such-interview")).StatusCode);
    }

    [Fact]
    public async Task A_question_passes_antiforgery_and_the_captcha_and_is_shown_only_once_approved_without_its_contact()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var text = "请问春节前后有没有针对老年人的反诈宣传？" + Guid.NewGuid().ToString("n")[..6];
        var page = await client.GetStringAsync($"/interviews/{Announced}");

        // Without the antiforgery token: refused before anything is read.
        var forged = await client.PostAsync($"/interviews/{Announced}/questions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["questionText"] = text, ["captchaId"] = CaptchaId(page), ["captcha"] = await CaptchaAnswerAsync(fixture.Site.Services, CaptchaId(page)),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A wrong captcha: 422, the form again with what was typed, nothing stored.
        page = await client.GetStringAsync($"/interviews/{Announced}");
        var wrong = await client.PostAsync($"/interviews/{Announced}/questions", Form(page, ("questionText", text), ("captchaId", CaptchaId(page)), ("captcha", "WRONG")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongPage = await TextAsync(wrong);
        Assert.Contains("验证码不正确或已过期", wrongPage);
        Assert.Contains(text, wrongPage);
        Assert.Null(await StoredAsync(text));

        // Empty text: 422 with its own message.
        page = await client.GetStringAsync($"/interviews/{Announced}");
        var empty = await client.PostAsync($"/interviews/{Announced}/questions", Form(page, ("questionText", " "), ("captchaId", CaptchaId(page)), ("captcha", await CaptchaAnswerAsync(fixture.Site.Services, CaptchaId(page)))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("请填写您的问题。", await TextAsync(empty));

        page = await client.GetStringAsync($"/interviews/{Announced}");
        var sent = await client.PostAsync($"/interviews/{Announced}/questions", Form(page,
            ("questionText", text), ("questionName", "永宁网友"), ("questionContact", "13995119999"),
            ("captchaId", CaptchaId(page)), ("captcha", await CaptchaAnswerAsync(fixture.Site.Services, CaptchaId(page)))));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/interviews/{Announced}?sent=true#question-form", sent.Headers.Location!.OriginalString);
        var stored = await StoredAsync(text);
        Assert.Equal((ModerationState.Pending, "永宁网友", "13995119999"), (stored!.State, stored.Name, stored.Contact));

        var received = await TextAsync(await client.GetAsync($"/interviews/{Announced}?sent=true"));
        Assert.Contains("已收到您的提问", received);
        Assert.DoesNotContain(text, received);

        await fixture.InterviewsAsync(store => store.ModerateAsync(Announced, stored.Id, ModerationState.Approved, "office"));
        var shown = await TextAsync(await client.GetAsync($"/interviews/{Announced}"));
        Assert.Contains(text, shown);
        Assert.Contains("永宁网友", shown);
        Assert.DoesNotContain("13995119999", shown);
    }

    [Fact]
    public async Task A_question_to_an_ended_interview_is_refused_and_not_stored()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        // The ended page has no form: take a token and a captcha from an open one, as a script would.
        var page = await client.GetStringAsync($"/interviews/{Announced}");
        var text = "访谈结束后才发的问题" + Guid.NewGuid().ToString("n")[..6];
        var refused = await client.PostAsync($"/interviews/{Past}/questions", Form(page,
            ("questionText", text), ("captchaId", CaptchaId(page)), ("captcha", await CaptchaAnswerAsync(fixture.Site.Services, CaptchaId(page)))));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("访谈已结束，不再接收提问。", await TextAsync(refused));
        Assert.Null(await StoredAsync(text));
    }

    [Fact]
    public async Task Live_json_carries_published_entries_only_in_order_paged_by_after_with_short_caching()
    {
        var client = fixture.Site.CreateClient();

        // The ended demo interview: its twelve entries in order, cached for minutes (the record is final).
        var past = await client.GetAsync($"/interviews/{Past}/live.json");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Equal("application/json", past.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=300", past.Headers.CacheControl!.ToString());
        using (var json = JsonDocument.Parse(await past.Content.ReadAsStringAsync()))
        {
            var root = json.RootElement;
            Assert.Equal("ended", root.GetProperty("phase").GetString());
            var seqs = root.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), seqs);
            Assert.Equal(12, root.GetProperty("last").GetInt64());
            var question = root.GetProperty("entries")[4];
            Assert.Equal(("question", "网友“望远镇居民”提问"), (question.GetProperty("kind").GetString(), question.GetProperty("speaker").GetString()));
        }

        using (var paged = JsonDocument.Parse(await client.GetStringAsync($"/interviews/{Past}/live.json?after=10")))
        {
            Assert.Equal([11L, 12], paged.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        }

        // The announced interview: a draft is not there, a published entry is (as plain text), a withdrawn one no longer.
        var before = await LastAsync(client);
        await fixture.InterviewsAsync(store => store.PostEntryAsync(Announced, new NewInterviewEntry(InterviewEntryKind.Host, "主持人", null, "尚未发布的草稿", null, null, Publish: false), "office"));
        var published = await fixture.InterviewsAsync(store => store.PostEntryAsync(Announced, new NewInterviewEntry(InterviewEntryKind.Host, "主持人", null, "<script>alert(1)</script>预热：欢迎提问", null, null), "office"));
        var answer = await client.GetAsync($"/interviews/{Announced}/live.json?after={before}");
        Assert.Equal("public, max-age=30", answer.Headers.CacheControl!.ToString());
        var body = await answer.Content.ReadAsStringAsync();
        Assert.DoesNotContain("尚未发布的草稿", body);
        using (var json = JsonDocument.Parse(body))
        {
            var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(["<script>alert(1)</script>预热：欢迎提问"], entries.Select(e => e.GetProperty("text").GetString()));
            Assert.Equal(published.Sequence, entries[0].GetProperty("seq").GetInt64());
        }

        var html = await client.GetStringAsync($"/interviews/{Announced}");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("尚未发布的草稿", html);

        await fixture.InterviewsAsync(store => store.WithdrawEntryAsync(Announced, published.Id, "office"));
        Assert.DoesNotContain("预热：欢迎提问", await client.GetStringAsync($"/interviews/{Announced}/live.json?after={before}"));

        // No interview there, or not published: 404, never cached.
        var missing = await client.GetAsync("/interviews/no-such-interview/live.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("no-store", missing.Headers.CacheControl!.ToString());
        using (var scope = fixture.Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(InterviewContent.TypeName, InterviewStoreTests.Data("未发布的访谈"), "editor", "bgs", "interview-unpublished");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interviews/interview-unpublished/live.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interviews/interview-unpublished")).StatusCode);

        // The script is the site's own file, cached.
        var script = await client.GetAsync("/interviews/live.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync());
    }

    private static async Task<long> LastAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/interviews/{Announced}/live.json"));
        return json.RootElement.GetProperty("last").GetInt64();
    }

    private async Task<InterviewQuestionRecord?> StoredAsync(string text)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<InterviewQuestionRecord>().SingleOrDefaultAsync(q => q.Text == text);
    }
}
