using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Public;
using Disclosure.Requests.Services;
using Disclosure.Storage.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Requests;

/// <summary>
/// 在线查看: after 办结 the reply letter is downloadable from the status page, behind the tracking code and second
/// factor, through signed short-lived links; never before 办结, never for another delivery method. The letter is on
/// the official A4 page and carries no doubled punctuation.
/// </summary>
[Collection(RequestSiteGroup.Name)]
public sealed partial class OnlineReplyTests(RequestSiteFixture fixture)
{
    private const string Phone = "13909518888";

    [Fact]
    public async Task The_reply_letter_downloads_only_with_the_right_factors_after_closing_and_only_for_online_delivery()
    {
        var online = await RegisterAsync(DeliveryMethod.Online, "2025年度本局行政处罚案件数量统计情况。");
        var byPost = await RegisterAsync(DeliveryMethod.Post, "2025年度本局政府采购情况。");
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        Assert.Empty(DownloadLinks(await StatusAsync(client, online.TrackingCode, Phone)));

        await CloseAsync(online.Number, "经审查，该信息属于主动公开范围，现予以公开。");
        await CloseAsync(byPost.Number, "经审查，现予以公开。");

        Assert.Empty(DownloadLinks(await StatusAsync(client, byPost.TrackingCode, Phone)));
        var wrongFactor = await StatusAsync(client, online.TrackingCode, "13900000000");
        Assert.Contains("未找到", wrongFactor);
        Assert.Empty(DownloadLinks(wrongFactor));

        var link = Assert.Single(DownloadLinks(await StatusAsync(client, online.TrackingCode, Phone)));
        var anonymous = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var download = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.True(download.Headers.CacheControl!.NoStore);
        var letter = await download.Content.ReadAsByteArrayAsync();
        Assert.Contains("政府信息公开申请答复告知书", LetterText(letter));

        // A link cannot be guessed or altered, and it expires.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(ReplyDownloadLinks.Prefix + "CfDJ8guessed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..])).StatusCode);
        var later = new ReplyDownloadLinks(fixture.Site.Services.GetRequiredService<IDataProtectionProvider>(), new TestClock(RequestSiteFixture.Now + ReplyDownloadLinks.Lifetime + TimeSpan.FromMinutes(1)));
        Assert.Null(later.Open(link[ReplyDownloadLinks.Prefix.Length..]));
        Assert.NotNull(fixture.Site.Services.GetRequiredService<ReplyDownloadLinks>().Open(link[ReplyDownloadLinks.Prefix.Length..]));
    }

    [Fact]
    public async Task The_letter_is_set_on_an_A4_page_with_official_margins_and_no_doubled_punctuation()
    {
        var online = await RegisterAsync(DeliveryMethod.Online, "2025年度本局道路交通事故统计数据。");
        await CloseAsync(online.Number, "经审查，该信息予以公开。。");
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var link = Assert.Single(DownloadLinks(await StatusAsync(client, online.TrackingCode, Phone)));

        var bytes = await (await client.GetAsync(link)).Content.ReadAsByteArrayAsync();

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var text = LetterText(bytes);
        Assert.Contains("申请获取“2025年度本局道路交通事故统计数据”。", text);
        Assert.Contains("经审查，该信息予以公开。", text);
        Assert.DoesNotMatch("[。，；：、][。，；：、]|[。，；：、][”’][。，；：、]", text);
        // Signed and addressed from 站点设置 (the demo recipe's), remedies named.
        Assert.Contains("永宁县人民政府申请行政复议", text);
        Assert.Contains("依法向银川铁路运输法院提起行政诉讼", text);
    }

    [Fact]
    public async Task Released_files_are_checked_by_content_recorded_and_downloaded_with_the_letter_after_closing()
    {
        var online = await RegisterAsync(DeliveryMethod.Online, "2025年度本局行政许可事项目录。");
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync($"/admin/requests/{online.Number}");
        Assert.Contains("公开的信息（随答复提供的文件）", WebUtility.HtmlDecode(page));

        // A file whose content is not what its name says is refused with the reason, and nothing is kept.
        var refused = await office.PostAsync($"/admin/requests/{online.Number}?handler=release", Upload(page, "目录.pdf", "这不是 PDF 文件"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("文件“目录.pdf”未添加：文件内容与扩展名不符", await TextAsync(refused));
        Assert.Contains("尚未添加文件。", await TextAsync(refused));

        var catalogue = "行政许可事项目录：一、户口迁移审批；二、居民身份证核发。"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/requests/{online.Number}?handler=release", Upload(page, "许可事项目录.txt", catalogue))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/requests/{online.Number}?handler=release", Upload(page, "草稿.txt", "误传的文件"u8.ToArray()))).StatusCode);
        page = await office.GetStringAsync($"/admin/requests/{online.Number}");
        var draftId = DocumentIdRegex().Matches(page).Select(m => m.Groups[1].Value).First(); // newest first
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/requests/{online.Number}?handler=unrelease&document={draftId}", Form(page))).StatusCode);

        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Empty(DownloadLinks(await StatusAsync(client, online.TrackingCode, Phone)));
        await CloseAsync(online.Number, "经审查，该信息予以公开，见所附文件。");

        var status = await StatusAsync(client, online.TrackingCode, Phone);
        Assert.Contains("公开的信息：", status);
        Assert.DoesNotContain("草稿.txt", status);
        var links = DownloadLinks(status);
        Assert.Equal(2, links.Count);
        Assert.Contains("政府信息公开申请答复告知书", LetterText(await (await client.GetAsync(links[0])).Content.ReadAsByteArrayAsync()));
        Assert.Equal(catalogue, await (await client.GetAsync(links[1])).Content.ReadAsByteArrayAsync());

        // After 办结 what was provided stays on record: it cannot be removed.
        page = await office.GetStringAsync($"/admin/requests/{online.Number}");
        var kept = DocumentIdRegex().Matches(page).Select(m => m.Groups[1].Value).Last(); // after the letter
        var removal = await office.PostAsync($"/admin/requests/{online.Number}?handler=unrelease&document={kept}", Form(page));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, removal.StatusCode);
        Assert.Contains("已提供给申请人的文件不能删除", await TextAsync(removal));

        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var history = await scope.ServiceProvider.GetRequiredService<RequestQueries>().HistoryAsync(online.Number);
        Assert.Equal(
            [RequestLedgerActions.ReleasedFileAdded, RequestLedgerActions.ReleasedFileAdded, RequestLedgerActions.ReleasedFileRemoved],
            history.Where(e => e.Action.StartsWith("request-released-file", StringComparison.Ordinal)).Select(e => e.Action));
        Assert.Contains(history, e => e.Action == RequestLedgerActions.ReleasedFileAdded && e.Detail!.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(catalogue))));
    }

    [Fact]
    public async Task Released_files_of_a_request_answered_by_post_are_kept_but_never_offered_online()
    {
        var byPost = await RegisterAsync(DeliveryMethod.Post, "2025年度本局政府信息公开工作年度报告。");
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync($"/admin/requests/{byPost.Number}");
        Assert.Contains("请按该方式提供给申请人", WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"/admin/requests/{byPost.Number}?handler=release", Upload(page, "年度报告.txt", "年度报告正文"u8.ToArray()))).StatusCode);
        await CloseAsync(byPost.Number, "经审查，现予以公开。");

        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Empty(DownloadLinks(await StatusAsync(client, byPost.TrackingCode, Phone)));
    }

    private async Task<Disclosure.Requests.Data.InformationRequestRecord> RegisterAsync(DeliveryMethod delivery, string description)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var details = new ApplicationDetails(ApplicantKind.NaturalPerson,
            new ApplicantDetails("马在线", IdentityDocumentType.ResidentIdCard, "640121198801050364", null, null, Phone, "永宁县杨和镇", null, null),
            description, null, PreferredForm.Electronic, delivery);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().RegisterAsync(details, RequestChannel.Online, new DateOnly(2026, 11, 20), "网上申请");
    }

    private async Task CloseAsync(string number, string reply)
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync($"/admin/requests/{number}");
        var closed = await office.PostAsync($"/admin/requests/{number}?handler=close", Form(page, ("outcome", "Disclosed"), ("closedOn", "2026-11-23"), ("replyText", reply)));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
    }

    private static async Task<string> StatusAsync(HttpClient client, string trackingCode, string secondFactor)
    {
        var page = await client.GetStringAsync("/requests/status");
        return await TextAsync(await client.PostAsync("/requests/status", Form(page, ("trackingCode", trackingCode), ("secondFactor", secondFactor))));
    }

    private static List<string> DownloadLinks(string page) =>
        DownloadLinkRegex().Matches(page).Select(m => m.Groups[1].Value).ToList();

    private static string LetterText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    private static MultipartFormDataContent Upload(string page, string fileName, byte[] content) => new()
    {
        { new StringContent(Staff.Token(page)), "__RequestVerificationToken" },
        { new ByteArrayContent(content), "file", fileName },
    };

    [GeneratedRegex("handler=letter&amp;document=(\\d+)")]
    private static partial Regex DocumentIdRegex();

    [GeneratedRegex("href=\"(/requests/documents/[^\"]+)\"")]
    private static partial Regex DownloadLinkRegex();
}
