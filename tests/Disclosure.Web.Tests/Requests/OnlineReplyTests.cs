using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Core.Requests;
using Disclosure.Site.Requests;
using Disclosure.Storage.Requests;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Requests;

/// <summary>
/// 在线查看: after 办结 the reply letter is downloadable from the status page, behind the tracking code and second
/// factor, through signed short-lived links; never before 办结, never for another delivery method. The letter is on
/// the official A4 page and carries no doubled punctuation.
/// </summary>
public sealed partial class OnlineReplyTests(RequestSiteFixture fixture) : IClassFixture<RequestSiteFixture>
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
        Assert.Equal("no-store", download.Headers.CacheControl!.ToString());
        var letter = await download.Content.ReadAsByteArrayAsync();
        Assert.Contains("政府信息公开申请答复告知书", LetterText(letter));

        // A link cannot be guessed or altered, and it expires.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(ReplyDownloadLinks.Prefix + "CfDJ8guessed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..])).StatusCode);
        var later = new ReplyDownloadLinks(fixture.Site.Services.GetRequiredService<IDataProtectionProvider>(), new ShiftedClock(ReplyDownloadLinks.Lifetime + TimeSpan.FromMinutes(1)));
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

    private async Task<Disclosure.Storage.Entities.InformationRequestRecord> RegisterAsync(DeliveryMethod delivery, string description)
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

    private static IReadOnlyList<string> DownloadLinks(string page) =>
        DownloadLinkRegex().Matches(page).Select(m => m.Groups[1].Value).ToList();

    private static string LetterText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    [GeneratedRegex("href=\"(/requests/documents/[^\"]+)\"")]
    private static partial Regex DownloadLinkRegex();

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => RequestSiteFixture.Now.ToUniversalTime() + shift;
    }
}
