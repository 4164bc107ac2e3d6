using Disclosure.Contents;
using Disclosure.Core.Security;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Site;
using Disclosure.Site.Forms;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Requests.Public;

/// <summary>
/// 依申请公开 on the public site: the online application (申请表) with its captcha and printable receipt, and the
/// status query. Rate-limited per IP (page views by the rate limiter, submissions by each form's own budget once
/// antiforgery has passed), antiforgery on every POST, nothing cached, nothing indexed. Online applications are
/// received the day they are submitted (第三十一条: 双方确认之日 — the receipt is that confirmation).
/// </summary>
[EnableRateLimiting(RequestRateLimiting.PolicyName)]
public sealed class RequestsController(
    RequestService requests,
    RequestQueries queries,
    RequestStatusQuery status,
    CaptchaStore captchas,
    OnlineReplyDocuments replies,
    ReplyDownloadLinks links,
    AgencyDirectory agencies,
    SiteIdentityStore identities,
    SiteContext site) : Controller
{
    /// <summary>Who registers online applications in the ledger.</summary>
    public const string OnlineActor = "网上申请";

    [HttpGet("/requests")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new RequestsIntroPage(await OfficeContactAsync(cancellationToken)));

    /// <summary>The form; <paramref name="agency"/> preselects the 受理机关 (an agency's own pages link here with it).</summary>
    [HttpGet("/requests/apply")]
    public async Task<IActionResult> Apply([FromQuery] string? agency, CancellationToken cancellationToken) =>
        await FormAsync(new ApplicationInput { Agency = agency }, new Dictionary<string, string>(), cancellationToken);

    [HttpPost("/requests/apply")]
    [ValidateAntiForgeryToken]
    [FormBudget(RequestRateLimiting.ApplicationBudget)]
    public async Task<IActionResult> Apply([FromForm(Name = "Input")] ApplicationInput input, [FromForm] string? captchaId, [FromForm] string? captcha, [FromForm] string? refresh, CancellationToken cancellationToken)
    {
        NoStore();
        if (refresh is not null)
        {
            // 换一张: same input, new image, no errors shown yet; the old challenge is spent.
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            return await FormAsync(input, new Dictionary<string, string>(), cancellationToken);
        }

        var details = input.Validate(out var problems);
        var errors = new Dictionary<string, string>(problems);
        var choices = await OnlineAgenciesAsync(cancellationToken);
        var agency = choices.Count == 1 ? choices[0] : choices.FirstOrDefault(c => c.Code == input.Agency?.Trim());
        if (agency is null)
        {
            errors["Agency"] = string.IsNullOrWhiteSpace(input.Agency) ? "请选择受理机关。" : "所选机关不受理网上申请，请重新选择，或通过信函、当面提交。";
        }
        if (!await captchas.CheckAsync(captchaId, captcha, cancellationToken))
        {
            errors["Captcha"] = string.IsNullOrWhiteSpace(captcha) ? "请输入图片中的验证码。" : "验证码不正确或已过期，请输入新图片中的字符。";
        }

        if (details is null || errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await FormAsync(input, errors, cancellationToken);
        }

        var request = await requests.RegisterAsync(details with { AgencyCode = agency!.Code }, RequestChannel.Online, queries.Today, OnlineActor, cancellationToken);
        var deadline = await queries.DeadlineAsync(request, cancellationToken);
        return View("Receipt", new ApplicationReceiptPage(
            request.Number, TrackingCode.Format(request.TrackingCode), request.ReceivedOn, deadline.Due!.Value, deadline.Provisional,
            ApplicantKinds.LongName(details.Kind), details.Description, details.DocumentReference,
            RequestNames.Form(details.Form), RequestNames.Delivery(details.Delivery), (await identities.LoadAsync(agency.Code, cancellationToken)).OfficeContact)
        {
            AgencyName = agency.Name,
        });
    }

    [HttpGet("/requests/status")]
    public IActionResult Status()
    {
        NoStore();
        return View(new StatusQueryPage(null, null, null, false, null));
    }

    [HttpPost("/requests/status")]
    [ValidateAntiForgeryToken]
    [FormBudget(RequestRateLimiting.StatusQueryBudget)]
    public async Task<IActionResult> Status([FromForm] string? trackingCode, [FromForm] string? secondFactor, CancellationToken cancellationToken)
    {
        NoStore();
        // Named trackingCode, not code: the error pages re-execute a refused POST and would bind a form field "code".
        if (string.IsNullOrWhiteSpace(trackingCode) || string.IsNullOrWhiteSpace(secondFactor))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new StatusQueryPage(trackingCode, secondFactor, null, false, "请填写查询码，以及申请时填写的联系电话或证件号码。"));
        }

        var found = await status.FindAsync(trackingCode, secondFactor, cancellationToken);
        if (found is null)
        {
            // One answer for every wrong combination: nothing says which part was wrong. The second factor is not echoed back.
            return View(new StatusQueryPage(trackingCode, null, null, true, null));
        }

        var downloads = (await replies.ListAsync(found.RequestId, cancellationToken))
            .Select(d => new ReplyDownload(d.Kind == RequestDocumentKind.ReplyLetter ? "答复告知书" : "公开的信息", d.FileName, links.Url(found.RequestId, d.Id)))
            .ToList();
        return View(new StatusQueryPage(TrackingCode.Format(found.TrackingCode), null,
            new StatusAnswer(TrackingCode.Format(found.TrackingCode), RequestNames.Stage(found.Stage), found.Due, found.Provisional, found.ClosedOn) { Downloads = downloads },
            false, null));
    }

    /// <summary>
    /// 在线查看: a reply document through a link from the status page. A forged, altered or expired link, or one for
    /// a request that is no longer closed or not answered online, gets the same 404.
    /// </summary>
    [HttpGet(ReplyDownloadLinks.Prefix + "{token}")]
    public async Task<IActionResult> Document(string token, CancellationToken cancellationToken)
    {
        NoStore();
        if (links.Open(token) is not { } sealedIds
            || await replies.GetAsync(sealedIds.RequestId, sealedIds.DocumentId, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        return File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<IActionResult> FormAsync(ApplicationInput input, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        NoStore();
        var (id, answer) = await captchas.IssueAsync(cancellationToken);
        var choices = await OnlineAgenciesAsync(cancellationToken);
        if (choices.All(c => c.Code != input.Agency))
        {
            // Unknown or none asked for: the agency whose site this is (集约化), else the installation's own agency,
            // when it accepts applications online.
            var own = site.AgencyCode ?? await agencies.DefaultCodeAsync(cancellationToken);
            input.Agency = choices.Any(c => c.Code == own) ? own : null;
        }

        return View("Apply", new ApplicationFormPage(input, errors, id, CaptchaImage.RenderDataUri(answer), await OfficeContactAsync(cancellationToken), choices));
    }

    /// <summary>The agencies that accept applications online, in tree order (an agency may take them only by letter).</summary>
    private async Task<IReadOnlyList<AgencyChoice>> OnlineAgenciesAsync(CancellationToken cancellationToken) =>
        (await agencies.TreeAsync(cancellationToken)).All()
            .Where(n => n.Agency.AcceptsOnlineRequests)
            .Select(n => new AgencyChoice(n.Code, n.Name, n.Depth))
            .ToList();

    /// <summary>Where letters and visits go (第三十一条), from 站点设置.</summary>
    private async Task<string> OfficeContactAsync(CancellationToken cancellationToken) => (await site.IdentityAsync(cancellationToken)).OfficeContact;


    /// <summary>
    /// Never stored by a browser or proxy (applicant data). Written as antiforgery writes it for a page with a form, so
    /// antiforgery need not override it (and log a warning on every request).
    /// </summary>
    private void NoStore() => Response.Headers.CacheControl = "no-cache, no-store";
}
