using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Disclosure.Interaction.Interviews;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Interaction.Interviews;

/// <summary>The office's side over HTTP: moderating a question, posting 文字直播 entries with a picture checked by its content, all in the 台账.</summary>
[Collection(InteractionOfficeGroup.Name)]
public sealed class AdminInterviewTests(InteractionSiteFixture fixture)
{
    private const string Announced = DemoInterviews.Announced;

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task The_office_approves_a_question_and_posts_entries_with_a_checked_picture()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var index = await TextAsync(await office.GetAsync("/admin/interviews"));
        Assert.Contains("年末岁初防范电信网络诈骗", index);
        Assert.Contains("冬季道路交通安全", index);

        // The demo's pending question, with its contact shown to the office only.
        var pending = await InScopeAsync(db => db.Set<InterviewQuestionRecord>().SingleAsync(q => q.ContentItemId == Announced && q.Text.StartsWith("被骗以后")));
        var questions = await office.GetStringAsync($"/admin/interviews/{Announced}/questions");
        Assert.Contains("待审核", questions);
        var approved = await office.PostAsync($"/admin/interviews/{Announced}/questions?handler=moderate",
            Form(questions, ("questionId", pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("decision", "approve")));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("被骗以后多长时间内报警还能追回钱", await fixture.Site.CreateClient().GetStringAsync($"/interviews/{Announced}"));

        // A text file named .png is refused by its content; nothing is posted.
        var live = await office.GetStringAsync($"/admin/interviews/{Announced}/live");
        var before = await EntryCountAsync();
        var fake = await office.PostAsync($"/admin/interviews/{Announced}/live", Entry(live, "嘉宾的回答", Encoding.UTF8.GetBytes("不是图片"), "photo.png", "现场照片"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.Equal(before, await EntryCountAsync());

        // A picture without its text alternative is refused too.
        var noAlt = await office.PostAsync($"/admin/interviews/{Announced}/live", Entry(live, "嘉宾的回答", Png, "photo.png", null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);
        Assert.Contains("请为图片填写文字说明", await TextAsync(noAlt));

        var posted = await office.PostAsync($"/admin/interviews/{Announced}/live", Entry(live, "我们将在春节前开展反诈宣传进社区活动。", Png, "photo.png", "反诈宣传现场"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var entry = await InScopeAsync(db => db.Set<InterviewEntryRecord>().OrderByDescending(e => e.Id).FirstAsync(e => e.ContentItemId == Announced));
        Assert.Equal((InterviewEntryKind.Guest, "（演示）杨帆（刑事侦查大队反诈中心负责人）", "office"), (entry.Kind, entry.Speaker, entry.PostedBy));

        using var json = JsonDocument.Parse(await fixture.Site.CreateClient().GetStringAsync($"/interviews/{Announced}/live.json?after={entry.Sequence - 1}"));
        var shown = json.RootElement.GetProperty("entries")[0];
        Assert.Equal("反诈宣传现场", shown.GetProperty("pictureAlt").GetString());
        var picture = await fixture.Site.CreateClient().GetAsync(shown.GetProperty("picture").GetString());
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);

        var actions = await InScopeAsync(db => db.Ledger.Where(e => e.ContentItemId == InterviewLedgerActions.Subject(Announced) && e.Actor == "office").Select(e => e.Action).ToListAsync());
        Assert.Contains(InterviewLedgerActions.QuestionApproved, actions);
        Assert.Contains(InterviewLedgerActions.EntryPosted, actions);
        Assert.Equal(ModerationState.Approved, (await InScopeAsync(db => db.Set<InterviewQuestionRecord>().SingleAsync(q => q.Id == pending.Id))).State);
    }

    private static MultipartFormDataContent Entry(string page, string text, byte[] picture, string fileName, string? alt)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Staff.Token(page)), "__RequestVerificationToken" },
            { new StringContent("Guest"), "Input.Kind" },
            { new StringContent("（演示）杨帆（刑事侦查大队反诈中心负责人）"), "Input.Guest" },
            { new StringContent(text), "Input.Text" },
            { new StringContent("true"), "Input.Publish" },
        };
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "Input.PictureAlt");
        }

        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "picture", fileName);
        return form;
    }

    private Task<int> EntryCountAsync() => InScopeAsync(db => db.Set<InterviewEntryRecord>().CountAsync(e => e.ContentItemId == Announced));

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
