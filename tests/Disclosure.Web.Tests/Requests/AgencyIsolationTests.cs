using System.Net;
using Disclosure.Credit.Data;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Requests;

/// <summary>
/// 集约化: a role in one agency gives nothing in another. The 公开办 of 伊金霍洛旗公安局 lists and opens its own
/// applications and 双公示 decisions only; 永宁县公安局's — and its letters and cases — are not listed and are 404 by
/// their numbers, for reading and for acting alike; and the other way round.
/// </summary>
[Collection(RequestSiteGroup.Name)]
public sealed class AgencyIsolationTests(RequestSiteFixture fixture)
{
    [Fact]
    public async Task The_office_of_one_agency_sees_and_reaches_only_its_own_records()
    {
        var yijinhuoluo = await Staff.SignedInAsync(fixture.Site, "office-yj");
        var yongning = await Staff.SignedInAsync(fixture.Site, "office");
        var (ownPenalty, otherPenalty) = await PenaltyIdsAsync();

        var list = await TextAsync(await yijinhuoluo.GetAsync("/admin/requests"));
        Assert.Contains("2025-0018", list);
        Assert.DoesNotContain("2025-0001", list);
        Assert.Equal(HttpStatusCode.OK, (await yijinhuoluo.GetAsync("/admin/requests/2025-0019")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await yijinhuoluo.GetAsync($"/admin/credit/penalties/{otherPenalty}")).StatusCode);

        foreach (var path in new[]
                 {
                     "/admin/requests/2025-0001", $"/admin/credit/penalties/{ownPenalty}", $"/admin/credit/penalties/edit/{ownPenalty}",
                     "/admin/mailbox/XJ2026-000001", "/admin/enforcement/A6401215100002026090031",
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await yijinhuoluo.GetAsync(path)).StatusCode);
        }

        // Acting by number is refused the same way, before any handler runs: the applicant's data stays unread.
        var itsOwn = await yijinhuoluo.GetStringAsync("/admin/requests/2025-0019");
        var reveal = await yijinhuoluo.PostAsync("/admin/requests/2025-0001?handler=Applicant", Form(itsOwn));
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);

        var yongningList = await TextAsync(await yongning.GetAsync("/admin/requests"));
        Assert.Contains("2025-0001", yongningList);
        Assert.DoesNotContain("2025-0018", yongningList);
        Assert.Equal(HttpStatusCode.NotFound, (await yongning.GetAsync("/admin/requests/2025-0018")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yongning.GetAsync($"/admin/credit/penalties/{otherPenalty}")).StatusCode);
        Assert.DoesNotContain("伊公(阿)行罚决字", await TextAsync(await yongning.GetAsync("/admin/credit?kind=penalties&q=伊公")));
    }

    [Fact]
    public async Task An_application_to_another_agency_is_answered_in_that_agencys_name()
    {
        // Filed online to 伊金霍洛旗公安局: the receipt gives that agency's address and phone, not the installation's.
        var client = fixture.Site.CreateClient();
        var form = await client.GetStringAsync("/requests/apply?agency=150627-103");
        var id = RequestTestSupport.CaptchaId(form);
        var response = await client.PostAsync("/requests/apply", Form(form,
            ("Input.Agency", "150627-103"), ("Input.Kind", "NaturalPerson"), ("Input.Name", "乌云"), ("Input.IdType", "ResidentIdCard"),
            ("Input.IdNumber", "64012119880105036X"), ("Input.Phone", "139 0477 8888"), ("Input.Address", "伊金霍洛旗札萨克镇 3 号"),
            ("Input.Description", "伊金霍洛旗2026年度户籍迁入办理时限的规定。"), ("Input.Form", "Electronic"), ("Input.Delivery", "Online"),
            ("captchaId", id), ("captcha", await RequestTestSupport.CaptchaAnswerAsync(fixture.Site.Services, id))));
        var receipt = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("咨询：伊金霍洛旗公安局（伊金霍洛旗阿勒腾席热镇伊金霍洛大街 8 号，伊金霍洛旗公安局办公室），电话 0477-8612110", receipt);
        var number = System.Text.RegularExpressions.Regex.Match(receipt, "<dd id=\"request-number\">([^<]+)</dd>").Groups[1].Value;

        // Its office closes it: the 答复告知书 names its own 复议机关 (from its 标识设置), not 永宁县人民政府.
        var office = await Staff.SignedInAsync(fixture.Site, "office-yj");
        var page = await office.GetStringAsync($"/admin/requests/{number}");
        var closed = await office.PostAsync($"/admin/requests/{number}?handler=close", Form(page,
            ("outcome", "Disclosed"), ("closedOn", "2026-11-23"), ("replyText", "经审查，您申请获取的政府信息属于公开范围，现予以公开。")));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var detail = WebUtility.HtmlDecode(await office.GetStringAsync($"/admin/requests/{number}"));
        var link = System.Text.RegularExpressions.Regex.Match(detail, $"href=\"(/admin/requests/{number}\\?handler=letter&document=\\d+)\"").Groups[1].Value;
        using var stream = new MemoryStream(await (await office.GetAsync(link)).Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("伊金霍洛旗人民政府申请行政复议", text);
        Assert.Contains("伊金霍洛旗公安局", text);
        Assert.DoesNotContain("永宁县人民政府申请行政复议", text);
    }

    private async Task<(long Own, long Other)> PenaltyIdsAsync()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var penalties = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<CreditPenaltyRecord>();
        return (await penalties.Where(p => p.AgencyCode == "640121-103").MinAsync(p => p.Id),
                await penalties.Where(p => p.AgencyCode == Staff.OtherAgencyCode).MinAsync(p => p.Id));
    }
}
