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

    private async Task<(long Own, long Other)> PenaltyIdsAsync()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var penalties = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<CreditPenaltyRecord>();
        return (await penalties.Where(p => p.AgencyCode == "640121-103").MinAsync(p => p.Id),
                await penalties.Where(p => p.AgencyCode == Staff.OtherAgencyCode).MinAsync(p => p.Id));
    }
}
