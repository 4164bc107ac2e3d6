using Disclosure.Core.Time;
using Disclosure.Interaction.Ratings;
using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// 局长信箱 on the public site: the published letters (信件选登) and their pages, the letter form with captcha and
/// attachments checked by content, its 回执 with the 查询码, the status query (查询码 + 联系电话) with the reply and
/// the rating form, and the monthly figures. Page views are rate-limited per address; each form has its own budget,
/// spent after antiforgery; pages holding a writer's data are never stored.
/// </summary>
[EnableRateLimiting(MailboxOptions.PageViewPolicy)]
public sealed class MailboxController(
    MailboxService mailbox,
    PublishedLetters published,
    LetterStatusQuery status,
    RatingService ratings,
    MailboxStatistics statistics,
    SatisfactionStatistics satisfaction,
    CaptchaStore captchas,
    TimeProvider clock,
    IOptions<MailboxOptions> options) : Controller
{
    public const string IndexPath = "/mailbox";
    public const string WritePath = "/mailbox/write";
    public const string StatusPath = "/mailbox/status";
    public const string StatisticsPath = "/mailbox/statistics";
    public const string LetterPathPrefix = "/mailbox/letters/";

    /// <summary>Who receives letters from the public form, in the timeline and the 台账.</summary>
    public const string OnlineActor = "网上来信";

    [HttpGet(IndexPath)]
    public async Task<IActionResult> Index(string? kind, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var chosen = LetterNames.ParseKind(kind);
        var letters = await published.ListAsync(chosen is LetterKind.Report ? null : chosen, q, page, Math.Clamp(settings.PageSize, 5, 100), cancellationToken);
        return View(new MailboxIndexPage(letters, chosen, LetterText.Clean(q), settings));
    }

    [HttpGet(LetterPathPrefix + "{number}")]
    public async Task<IActionResult> Letter(string number, CancellationToken cancellationToken) =>
        await published.FindAsync(number, cancellationToken) is { } letter ? View(letter) : NotFound();

    [HttpGet(WritePath)]
    public async Task<IActionResult> Write(CancellationToken cancellationToken) =>
        await FormAsync(new LetterInput { MayPublish = true }, new Dictionary<string, string>(), cancellationToken);

    [HttpPost(WritePath)]
    [ValidateAntiForgeryToken]
    [FormBudget(MailboxOptions.WriteBudget)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Write([FromForm(Name = "Input")] LetterInput input, [FromForm] List<IFormFile>? attachments,
        [FromForm] string? captchaId, [FromForm] string? captcha, [FromForm] string? refresh, CancellationToken cancellationToken)
    {
        if (refresh is not null)
        {
            // 换一张: what was typed stays, a new image, no errors yet; the old challenge is spent. Files must be chosen again.
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            return await FormAsync(input, new Dictionary<string, string>(), cancellationToken);
        }

        var letter = input.Validate(out var errors);
        var (files, fileError) = await LetterAttachments.ReadAsync(attachments ?? [], options.Value, cancellationToken);
        if (fileError is not null)
        {
            errors["Attachments"] = fileError;
        }

        // The captcha is checked (and spent) on every submission, even an incomplete one.
        if (!await captchas.CheckAsync(captchaId, captcha, cancellationToken))
        {
            errors["Captcha"] = string.IsNullOrWhiteSpace(captcha) ? "请输入图片中的验证码。" : "验证码不正确或已过期，请输入新图片中的字符。";
        }

        if (letter is null || errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await FormAsync(input, errors, cancellationToken);
        }

        var received = await mailbox.ReceiveAsync(letter, files, OnlineActor, cancellationToken: cancellationToken);
        NoStore();
        return View("Receipt", new LetterReceiptPage(received, letter.Subject, letter.MayPublish, files.Count));
    }

    [HttpGet(StatusPath)]
    public IActionResult Status()
    {
        NoStore();
        return View(new LetterStatusPage(null, null, false, null));
    }

    [HttpPost(StatusPath)]
    [ValidateAntiForgeryToken]
    [FormBudget(MailboxOptions.StatusBudget)]
    public async Task<IActionResult> Status([FromForm] string? trackingCode, [FromForm] string? phone, CancellationToken cancellationToken)
    {
        NoStore();
        if (string.IsNullOrWhiteSpace(trackingCode) || string.IsNullOrWhiteSpace(phone))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new LetterStatusPage(trackingCode, null, false, "请填写查询码和写信时填写的联系电话。"));
        }

        if (await status.FindAsync(trackingCode, phone, cancellationToken) is not { } found)
        {
            // One answer for every wrong combination; the phone is not echoed back.
            return View(new LetterStatusPage(trackingCode, null, true, null));
        }

        var page = new LetterStatusPage(found.TrackingCode, found, false, null);
        if (found.Stage == LetterStage.Replied && await ratings.FindAsync(trackingCode, phone, cancellationToken) is { } reply)
        {
            page = page with { Rated = reply.Rated, RatingToken = reply.Rated is null ? ratings.TokenFor(reply) : null };
        }

        return View(page);
    }

    [HttpGet(StatisticsPath)]
    public async Task<IActionResult> Statistics(int? year, CancellationToken cancellationToken)
    {
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var years = Enumerable.Range(today.Year - 4, 5).Reverse().ToList();
        var chosen = year is { } y && years.Contains(y) ? y : today.Year;
        var lastMonth = chosen == today.Year ? today.Month : 12;
        return View(new MailboxStatisticsPage(chosen, years, lastMonth,
            await statistics.YearAsync(chosen, cancellationToken), await satisfaction.YearAsync(chosen, cancellationToken)));
    }

    private async Task<IActionResult> FormAsync(LetterInput input, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        NoStore();
        var (id, answer) = await captchas.IssueAsync(cancellationToken);
        return View("Write", new LetterFormPage(input, errors, id, CaptchaImage.RenderDataUri(answer), options.Value));
    }

    /// <summary>Never stored by a browser or proxy (the writer's data, the 查询码). Written as antiforgery writes it.</summary>
    private void NoStore() => Response.Headers.CacheControl = "no-cache, no-store";
}
