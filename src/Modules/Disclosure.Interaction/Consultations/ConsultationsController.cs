using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Disclosure.Site.Forms;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Interaction.Consultations;

/// <summary>
/// 征求意见 on the public site. The list reads the windows from the published items; a consultation's page takes
/// comments while its window is open (captcha, antiforgery, a per-IP budget) and shows only approved ones — never a
/// phone or e-mail. Outside the window a comment is refused and nothing is stored.
/// </summary>
[EnableRateLimiting(ConsultationsServices.PageViewPolicy)]
public sealed class ConsultationsController(
    ConsultationDirectory directory,
    ConsultationComments comments,
    PublishedContentQuery content,
    ItemPageBuilder pages,
    CaptchaStore captchas) : Controller
{
    public const string ListPath = "/consultations";
    public const string CaptchaField = "captcha";

    public static string PagePath(string id) => $"{ListPath}/{Uri.EscapeDataString(id)}";

    [HttpGet(ListPath)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await directory.ListAsync(cancellationToken);
        var ids = all.Select(c => c.Id).ToList();
        var counts = await comments.CountsAsync(ids, cancellationToken);
        var feedback = await directory.FeedbackAsync(ids, cancellationToken);
        var today = directory.Today;
        var rows = all.Select(c => new ConsultationListRow(c, counts.GetValueOrDefault(c.Id, CommentCounts.None).Approved, feedback.GetValueOrDefault(c.Id))).ToList();
        return View(new ConsultationListPage(
            rows.Where(r => r.Consultation.PhaseOn(today) == ConsultationPhase.Open).OrderBy(r => r.Consultation.End).ToList(),
            rows.Where(r => r.Consultation.PhaseOn(today) == ConsultationPhase.Upcoming).OrderBy(r => r.Consultation.Start).ToList(),
            rows.Where(r => r.Consultation.PhaseOn(today) == ConsultationPhase.Closed).ToList()));
    }

    [HttpGet(ListPath + "/{id}")]
    public async Task<IActionResult> Page(string id, [FromQuery] string? submitted, CancellationToken cancellationToken) =>
        await RenderAsync(id, new ConsultationCommentInput(null, null, null, null), new Dictionary<string, string>(), submitted == "1", refused: false, cancellationToken);

    [HttpPost(ListPath + "/{id}")]
    [ValidateAntiForgeryToken]
    [FormBudget(ConsultationsServices.CommentBudget)]
    public async Task<IActionResult> Comment(
        string id,
        [FromForm(Name = ConsultationCommentInput.NameField)] string? name,
        [FromForm(Name = ConsultationCommentInput.PhoneField)] string? phone,
        [FromForm(Name = ConsultationCommentInput.EmailField)] string? email,
        [FromForm(Name = ConsultationCommentInput.BodyField)] string? body,
        [FromForm] string? captchaId,
        [FromForm(Name = CaptchaField)] string? captcha,
        [FromForm] string? refresh,
        CancellationToken cancellationToken)
    {
        var input = new ConsultationCommentInput(name, phone, email, body);
        if (await directory.FindAsync(id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        if (consultation.PhaseOn(directory.Today) != ConsultationPhase.Open)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await RenderAsync(id, input, new Dictionary<string, string>(), submitted: false, refused: true, cancellationToken);
        }

        if (refresh is not null)
        {
            // 换一张: what was typed stays, a new image, no errors yet; the old challenge is spent.
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            return await RenderAsync(id, input, new Dictionary<string, string>(), submitted: false, refused: false, cancellationToken);
        }

        var errors = new Dictionary<string, string>(input.Validate());
        // The captcha is checked (and spent) on every submission, even an incomplete one.
        if (!await captchas.CheckAsync(captchaId, captcha, cancellationToken))
        {
            errors[CaptchaField] = string.IsNullOrWhiteSpace(captcha) ? "请输入图片中的验证码。" : "验证码不正确或已过期，请输入新图片中的字符。";
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await RenderAsync(id, input, errors, submitted: false, refused: false, cancellationToken);
        }

        var result = await comments.SubmitAsync(id, input, cancellationToken);
        switch (result.Outcome)
        {
            case CommentOutcome.Accepted:
                return Redirect(PagePath(id) + "?submitted=1#comment-form");
            case CommentOutcome.OutsideWindow:
                // The window closed between the check above and now (midnight).
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await RenderAsync(id, input, new Dictionary<string, string>(), submitted: false, refused: true, cancellationToken);
            case CommentOutcome.Invalid:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await RenderAsync(id, input, result.Errors, submitted: false, refused: false, cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> RenderAsync(
        string id, ConsultationCommentInput input, IReadOnlyDictionary<string, string> errors, bool submitted, bool refused, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } consultation
            || await content.FindPublicAsync(id, cancellationToken) is not { Version.Status: ContentStatus.Published } published)
        {
            return NotFound();
        }

        var phase = consultation.PhaseOn(directory.Today);
        var item = await pages.BuildAsync(published.Item, published.Version, null, cancellationToken);
        var feedback = (await directory.FeedbackAsync([id], cancellationToken)).GetValueOrDefault(id);
        var final = await directory.PublishedLinkAsync(feedback?.FinalDocumentId, cancellationToken);
        var interpretations = final is null ? [] : await directory.InterpretationsOfAsync(final.Id, cancellationToken);
        CommentForm? form = null;
        if (phase == ConsultationPhase.Open)
        {
            var (challenge, answer) = await captchas.IssueAsync(cancellationToken);
            form = new CommentForm(input, errors, challenge, CaptchaImage.RenderDataUri(answer));
        }

        return View("Consultation", new ConsultationPage(
            consultation, phase, item, await comments.ApprovedAsync(id, cancellationToken), feedback, final, interpretations, form, submitted, refused));
    }
}
