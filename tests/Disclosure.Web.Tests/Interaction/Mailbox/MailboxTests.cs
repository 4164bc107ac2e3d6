using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Interaction.Mailbox;

/// <summary>
/// 局长信箱 over HTTP against the real site: a letter written on the form with an attachment, routed, drafted,
/// approved by the department head and sent by the 公开办 through the admin pages, then read, rated and published;
/// bad input and forged files refused with their reasons; 举报 and declined letters nowhere in public.
/// </summary>
[Collection(InteractionPublicGroup.Name)]
public sealed partial class MailboxTests(InteractionSiteFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_letter_goes_from_the_public_form_through_review_to_a_rated_and_published_answer()
    {
        var client = fixture.Site.CreateClient();
        var receipt = await WriteAsync(client, "Consultation", "咨询户籍窗口周六是否办公", "我叫赵文，电话 13995119911，请问户籍窗口周六是否办公？", "赵文", "13995119911", mayPublish: true,
            ("photo.png", Png));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.True(receipt.Headers.CacheControl!.NoStore);
        var html = await TextAsync(receipt);
        var number = Regex.Match(html, "id=\"letter-number\">([^<]+)<").Groups[1].Value;
        var code = Regex.Match(html, "id=\"tracking-code\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^XJ2026-\\d{6}$", number);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        // Received Friday 12-04: five working days are 12-07 … 12-11.
        Assert.Contains("2026年12月11日前", html);

        // The 公开办 routes it to 指挥中心; the department's 信息员 drafts; its 部门负责人 approves; the 公开办 sends.
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync($"/admin/mailbox/{number}");
        Assert.Contains("photo.png", page);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/mailbox/{number}?handler=Route", Form(page, ("department", "zhzx"), ("note", "")))).StatusCode);

        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var other = await Staff.SignedInAsync(fixture.Site, "editor-b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/mailbox/{number}")).StatusCode);
        page = await editor.GetStringAsync($"/admin/mailbox/{number}");
        Assert.DoesNotContain("id=\"writer-fields\"", page); // the writer's data only after a stated purpose
        var submitted = await editor.PostAsync($"/admin/mailbox/{number}?handler=Reply", Form(page, ("reply", "您好，户籍窗口周六上午 9:00—12:00 办公。"), ("submit", "1")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        // The 信息员 cannot approve for the department; the 部门负责人 can.
        page = await editor.GetStringAsync($"/admin/mailbox/{number}");
        var refused = await editor.PostAsync($"/admin/mailbox/{number}?handler=Department", Form(page, ("decision", "approve"), ("note", "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("只有承办部门的部门负责人可以审核答复", await TextAsync(refused));
        var head = await Staff.SignedInAsync(fixture.Site, "head");
        page = await head.GetStringAsync($"/admin/mailbox/{number}");
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostAsync($"/admin/mailbox/{number}?handler=Department", Form(page, ("decision", "approve"), ("note", "")))).StatusCode);
        page = await office.GetStringAsync($"/admin/mailbox/{number}");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/mailbox/{number}?handler=Office", Form(page, ("decision", "send"), ("note", "")))).StatusCode);

        // The writer reads the reply with the code and phone, and rates it once.
        var status = await StatusAsync(client, code.ToLowerInvariant(), "139-9511-9911");
        Assert.Contains("周六上午 9:00—12:00 办公", status);
        Assert.Contains("<dd id=\"stage\">已答复</dd>", status);
        var token = Regex.Match(status, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;
        var rated = await client.PostAsync("/satisfaction/rate", Form(status, ("token", WebUtility.HtmlDecode(token)), ("rating", "Satisfied"), ("comment", "答复及时")));
        Assert.Contains("评价已提交", await TextAsync(rated));
        var again = await client.PostAsync("/satisfaction/rate", Form(status, ("token", WebUtility.HtmlDecode(token)), ("rating", "Dissatisfied"), ("comment", "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("每件答复只能评价一次", await TextAsync(again));
        Assert.Contains("您已评价：满意", await StatusAsync(client, code, "13995119911"));

        // Published: the masked copy, found by search, without the writer's name or phone.
        page = await office.GetStringAsync($"/admin/mailbox/{number}");
        var preview = await TextAsync(await office.PostAsync($"/admin/mailbox/{number}?handler=Preview", Form(page)));
        Assert.Contains("赵*", preview);
        var subject = WebUtility.HtmlDecode(Regex.Match(preview, "id=\"public-subject\" name=\"subject\" maxlength=\"100\" value=\"([^\"]*)\"").Groups[1].Value);
        var body = Regex.Match(preview, "id=\"public-body\"[^>]*>([^<]*)</textarea>").Groups[1].Value.Trim();
        var reply = Regex.Match(preview, "id=\"public-reply\"[^>]*>([^<]*)</textarea>").Groups[1].Value.Trim();
        Assert.DoesNotContain("13995119911", body);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/mailbox/{number}?handler=Publish", Form(preview, ("subject", subject), ("body", body), ("reply", reply)))).StatusCode);
        var listed = await TextAsync(await client.GetAsync("/mailbox?q=" + Uri.EscapeDataString("周六是否办公")));
        Assert.Contains($"/mailbox/letters/{number}", listed);
        var letter = await TextAsync(await client.GetAsync($"/mailbox/letters/{number}"));
        Assert.Contains("周六上午 9:00—12:00 办公", letter);
        Assert.DoesNotContain("赵文", letter);
        Assert.DoesNotContain("13995119911", letter);
    }

    [Fact]
    public async Task An_applicant_rates_the_reply_to_a_closed_request_once_with_its_tracking_code()
    {
        var client = fixture.Site.CreateClient();
        var page = await client.GetStringAsync("/satisfaction");
        Assert.Contains("未找到", await TextAsync(await client.PostAsync("/satisfaction", Form(page, ("trackingCode", "ZAB5-RRB1-46VH"), ("secondFactor", "13900000000")))));

        // The demo's application 2025-0001, typed loosely: lower case with dashes, the phone with spaces.
        var found = await TextAsync(await client.PostAsync("/satisfaction", Form(page, ("trackingCode", "zab5-rrb1-46vh"), ("secondFactor", "138 0951 0001"))));
        Assert.Contains("<dd id=\"rated-kind\">依申请公开</dd>", found);
        Assert.Contains("<dd id=\"rated-number\">2025-0001</dd>", found);
        var token = WebUtility.HtmlDecode(Regex.Match(found, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(token);

        var missing = await client.PostAsync("/satisfaction/rate", Form(found, ("token", token), ("comment", "没选")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var kept = await TextAsync(missing);
        Assert.Contains("请选择满意、基本满意或不满意。", kept);
        Assert.Contains(">没选</textarea>", kept);

        Assert.Contains("评价已提交", await TextAsync(await client.PostAsync("/satisfaction/rate", Form(found, ("token", token), ("rating", "BasicallySatisfied"), ("comment", "")))));
        var again = await TextAsync(await client.PostAsync("/satisfaction", Form(page, ("trackingCode", "ZAB5RRB146VH"), ("secondFactor", "13809510001"))));
        Assert.Contains("您已评价：基本满意", again);
        Assert.DoesNotContain("name=\"token\"", again);
    }

    [Fact]
    public async Task Bad_input_and_a_renamed_file_are_refused_with_reasons_and_nothing_is_received()
    {
        var client = fixture.Site.CreateClient();
        var before = await LetterCountAsync();

        var empty = await WriteAsync(client, "", "", "", "", "", mayPublish: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var html = await TextAsync(empty);
        foreach (var message in new[] { "请选择来信类型", "请填写信件标题。", "请填写信件内容。", "请填写姓名。", "请填写联系电话" })
        {
            Assert.Contains(message, html);
        }

        var forged = await WriteAsync(client, "Complaint", "反映某窗口服务态度问题", "窗口工作人员服务态度生硬，希望改进。", "钱多", "13995119922", mayPublish: false,
            ("证据.pdf", "MZ\u0090\0 this is a program"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("附件“证据.pdf”的内容与扩展名 .pdf 不符", await TextAsync(forged));

        var badPhone = await WriteAsync(client, "Complaint", "反映某窗口服务态度问题", "窗口工作人员服务态度生硬，希望改进。", "钱多", "12345", mayPublish: false);
        Assert.Contains("联系电话应为 11 位手机号码或带区号的固定电话", await TextAsync(badPhone));

        var wrongCaptcha = await WriteAsync(client, "Complaint", "反映某窗口服务态度问题", "窗口工作人员服务态度生硬，希望改进。", "钱多", "13995119922", mayPublish: false, captcha: "00000");
        Assert.Contains("验证码不正确或已过期", await TextAsync(wrongCaptcha));
        Assert.Equal(before, await LetterCountAsync());

        // Posts need the antiforgery token.
        var page = await client.GetStringAsync("/mailbox/write");
        var noToken = await client.PostAsync("/mailbox/write", new FormUrlEncodedContent([new("Input.Kind", "Complaint"), new("captchaId", CaptchaId(page))]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(before, await LetterCountAsync());
    }

    [Fact]
    public async Task The_demo_report_and_declined_letters_appear_nowhere_in_public_but_count_in_the_statistics()
    {
        var client = fixture.Site.CreateClient();
        var list = await TextAsync(await client.GetAsync("/mailbox"));
        Assert.Contains("新生儿户口登记需要哪些材料", list);
        Assert.Contains("建议在团结东路学校门口增设上下学时段护学岗", list);
        Assert.DoesNotContain("易燃物品", list);             // 举报
        Assert.DoesNotContain("驾驶证到期换证", list);         // declined
        Assert.DoesNotContain("午休时间无人值守", list);       // agreed, not published by the office
        Assert.DoesNotContain("13995110202", await TextAsync(await client.GetAsync("/mailbox?q=" + Uri.EscapeDataString("护学岗"))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mailbox?kind=Report")).StatusCode);
        Assert.DoesNotContain("易燃物品", await TextAsync(await client.GetAsync("/mailbox?kind=Report")));

        var statistics = await TextAsync(await client.GetAsync("/mailbox/statistics?year=2026"));
        // October 2026 in the demo: eight letters received; four replied (the 举报 included), one of them late.
        Assert.Contains("<th scope=\"row\">10月</th><td>8</td><td>4</td><td>75.0%</td>", statistics);
        Assert.Contains("<th scope=\"row\">9月</th><td>1</td><td>1</td><td>100.0%</td>", statistics);
    }

    private async Task<HttpResponseMessage> WriteAsync(HttpClient client, string kind, string subject, string body, string name, string phone, bool mayPublish,
        (string Name, byte[] Content)? file = null, string? captcha = null)
    {
        var page = await client.GetStringAsync("/mailbox/write");
        var challenge = CaptchaId(page);
        var form = new MultipartFormDataContent
        {
            { new StringContent(Staff.Token(page)), "__RequestVerificationToken" },
            { new StringContent(kind), "Input.Kind" },
            { new StringContent(subject), "Input.Subject" },
            { new StringContent(body), "Input.Body" },
            { new StringContent(name), "Input.Name" },
            { new StringContent(phone), "Input.Phone" },
            { new StringContent(mayPublish ? "true" : "false"), "Input.MayPublish" },
            { new StringContent(challenge), "captchaId" },
            { new StringContent(captcha ?? await CaptchaAnswerAsync(fixture.Site.Services, challenge)), "captcha" },
        };
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "attachments", f.Name);
        }

        return await client.PostAsync("/mailbox/write", form);
    }

    private static async Task<string> StatusAsync(HttpClient client, string code, string phone)
    {
        var page = await client.GetStringAsync("/mailbox/status");
        return await TextAsync(await client.PostAsync("/mailbox/status", Form(page, ("trackingCode", code), ("phone", phone))));
    }

    private async Task<int> LetterCountAsync()
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Disclosure.Storage.DisclosureDbContext>().Set<Disclosure.Interaction.Mailbox.LetterRecord>().CountAsync();
    }
}
