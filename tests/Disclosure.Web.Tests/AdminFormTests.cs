using System.Net;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests;

/// <summary>Forms reject bad input with zh-CN messages and give back everything the user typed.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class AdminFormTests(SiteFixture fixture)
{
    [Fact]
    public async Task A_wrong_password_keeps_the_user_name_and_says_why()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", Form(page, ("UserName", "office"), ("Password", "wrong-password")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", html);
        Assert.Contains("value=\"office\"", html);
    }

    [Fact]
    public async Task A_content_form_with_errors_is_shown_again_with_every_value_typed()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "editor");
        var page = await client.GetStringAsync("/admin/content/new?type=ServiceGuide");
        var response = await client.PostAsync("/admin/content/new?type=ServiceGuide", Form(page,
            ("type", "ServiceGuide"),
            ("TitlePart.Title", "养犬登记办事指南（草稿）"),
            ("DisclosureMetadataPart.Catalogue", "06.03"),
            ("DisclosureMetadataPart.Agency", "640121-103"),
            ("DisclosureMetadataPart.Topic", "公安、安全、司法"),
            ("DisclosureMetadataPart.WrittenDate", "2026-02-30"),
            ("DisclosureMetadataPart.Validity", "有效"),
            ("DisclosureMetadataPart.Attribute", "不予公开"),
            ("BodyPart.Markdown", "## 办理流程\n携带犬只免疫证明到窗口办理。"),
            ("ServiceGuide.Code", "640121-QT-009"),
            ("ServiceGuide.PromisedDays", "五个工作日"),
            ("ServiceGuide.Materials", "居民身份证 | 1"),
            ("ServiceGuide.Faq", "要带狗来吗？ | 需要现场核验")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未保存", html);
        Assert.Contains("「成文日期」不是有效日期", html);
        Assert.Contains("必须填写「不予公开理由」", html);
        Assert.Contains("「承诺办理期限（工作日）」应为数字", html);
        Assert.Contains("「法律依据」为必填项", html);
        Assert.Contains("「申请材料」第 1 行应有 3 列（材料名称、份数、要求），实际 2 列", html);
        Assert.DoesNotContain("「常见问题」第 1 行", html);
        // What was typed is all still there.
        Assert.Contains("养犬登记办事指南（草稿）", html);
        Assert.Contains("value=\"2026-02-30\"", html);
        Assert.Contains("五个工作日", html);
        Assert.Contains("携带犬只免疫证明到窗口办理。", html);
        Assert.Contains("要带狗来吗？ | 需要现场核验", html);
        Assert.Contains("居民身份证 | 1", html);

        using var scope = fixture.Site.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentVersions.AnyAsync(v => v.Title == "养犬登记办事指南（草稿）"));
    }

    [Fact]
    public async Task A_rejected_upload_is_reported_and_the_rest_of_the_form_kept()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "editor");
        var page = await client.GetStringAsync("/admin/content/new?type=Disclosure");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Staff.Token(page)), "__RequestVerificationToken" },
            { new StringContent("Disclosure"), "type" },
            { new StringContent("附件被拒绝的通知"), "TitlePart.Title" },
            { new ByteArrayContent("MZ\u0090\0 this is really a program"u8.ToArray()), "Disclosure.Attachments.upload", "通知.pdf" },
        };
        var response = await client.PostAsync("/admin/content/new?type=Disclosure", content);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("附件“通知.pdf”未上传", html);
        Assert.Contains("附件被拒绝的通知", html);
    }

    [Fact]
    public async Task A_new_user_with_a_weak_password_is_refused_in_zh_CN_keeping_the_input()
    {
        var client = await SignedInAdminAsync();
        var page = await client.GetStringAsync("/admin/users");
        var response = await client.PostAsync("/admin/users", Form(page,
            ("Input.UserName", "xinyuan2"), ("Input.DisplayName", "孙信息"), ("Input.Password", "short"),
            ("Input.Department", "640121-103|xzdd"), ("Input.Roles", "Editor")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("密码至少需要 10 个字符", html);
        Assert.Contains("value=\"xinyuan2\"", html);
        Assert.Contains("value=\"孙信息\"", html);
        Assert.Contains("value=\"640121-103|xzdd\" selected", html);
    }

    [Fact]
    public async Task A_blank_or_duplicate_keyword_is_refused()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "secrecy");
        var page = await client.GetStringAsync("/admin/keywords");
        var blank = await client.PostAsync("/admin/keywords?handler=add", Form(page, ("Keyword", "   ")));
        Assert.Contains("请输入敏感词", WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/admin/keywords?handler=add", Form(page, ("Keyword", "专项行动代号")))).StatusCode);
        var duplicate = await client.PostAsync("/admin/keywords?handler=add", Form(page, ("Keyword", "专项行动代号")));
        var html = WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("敏感词“专项行动代号”已存在", html);
        Assert.Contains("value=\"专项行动代号\"", html);
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", Form(page, ("UserName", "admin"), ("Password", "Test-Admin-2026!")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
