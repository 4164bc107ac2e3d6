using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Disclosure.Contents.Items;
using Disclosure.Contents.Rendering;
using Disclosure.Core.Time;
using Disclosure.Media;
using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Interviews;

/// <summary>
/// 在线访谈 on the public site. The page of an interview is rendered whole on the server (with JavaScript off a reload
/// shows every entry); a small script of the site's own (<c>/interviews/live.js</c>, allowed by the CSP's
/// <c>script-src 'self'</c>) asks <c>live.json?after=N</c> every few seconds and appends what is new to a polite live
/// region. Polling rather than Server-Sent Events: each answer is a short, cacheable GET (a proxy or the site's cache
/// serves the many readers asking for the same <c>after</c> once), nothing holds a connection open on a small server
/// for an hour, and it passes every proxy the offices sit behind. Questions: captcha, antiforgery, a per-IP budget;
/// refused once the interview has ended; shown only after the office approved them.
/// </summary>
public sealed class InterviewsController(
    InterviewStore store,
    CaptchaStore captchas,
    MediaStore media,
    IOptions<InterviewOptions> options) : Controller
{
    public const string IndexPath = "/interviews";
    public const string ScriptPath = "/interviews/live.js";

    public const string NameField = "questionName";
    public const string ContactField = "questionContact";
    public const string TextField = "questionText";
    public const string CaptchaField = "captcha";

    /// <summary>Chinese text as it is, not as \uXXXX escapes (a third of the bytes); HTML-sensitive characters stay escaped.</summary>
    private static readonly JsonSerializerOptions LiveJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string InterviewPath(string id) => $"{IndexPath}/{Uri.EscapeDataString(id)}";

    public static string LivePath(string id) => $"{InterviewPath(id)}/live.json";

    public static string QuestionsPath(string id) => $"{InterviewPath(id)}/questions";

    public static string PicturePath(string id, long sequence) => $"{InterviewPath(id)}/pictures/{sequence}";

    [HttpGet(IndexPath)]
    [EnableRateLimiting(InterviewsServices.PageViewPolicy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = store.UtcNow;
        var all = await store.ListAsync(cancellationToken);
        return View(new InterviewListPage(
            all.Where(i => i.PhaseAt(now) == InterviewPhase.Live).OrderBy(i => i.StartUtc).ToList(),
            all.Where(i => i.PhaseAt(now) == InterviewPhase.Announced).OrderBy(i => i.StartUtc).ToList(),
            all.Where(i => i.PhaseAt(now) == InterviewPhase.Ended).ToList()));
    }

    [HttpGet(IndexPath + "/{id}")]
    [EnableRateLimiting(InterviewsServices.PageViewPolicy)]
    public async Task<IActionResult> Show(string id, bool sent, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } interview
            ? await PageAsync(interview, QuestionForm.Empty, sent, refusedAfterEnd: false, cancellationToken)
            : NotFound();

    [HttpPost(IndexPath + "/{id}/questions")]
    [ValidateAntiForgeryToken]
    [FormBudget(InterviewsServices.QuestionBudget)]
    public async Task<IActionResult> Ask(
        string id,
        [FromForm(Name = NameField)] string? name,
        [FromForm(Name = ContactField)] string? contact,
        [FromForm(Name = TextField)] string? text,
        [FromForm] string? captchaId,
        [FromForm(Name = CaptchaField)] string? captcha,
        [FromForm] string? refresh,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } interview)
        {
            return NotFound();
        }

        if (interview.PhaseAt(store.UtcNow) == InterviewPhase.Ended)
        {
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await PageAsync(interview, QuestionForm.Empty, sent: false, refusedAfterEnd: true, cancellationToken);
        }

        if (refresh is not null)
        {
            // 换一张: what was typed stays, a new image, no errors yet; the old challenge is spent.
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            return await PageAsync(interview, new QuestionForm(name, contact, text, new Dictionary<string, string>()), false, false, cancellationToken);
        }

        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[TextField] = "请填写您的问题。";
        }
        else if (text.Trim().Length > InterviewLimits.QuestionLength)
        {
            errors[TextField] = $"问题不能超过 {InterviewLimits.QuestionLength} 字。";
        }

        if (name?.Trim().Length > InterviewLimits.NameLength)
        {
            errors[NameField] = $"网名不能超过 {InterviewLimits.NameLength} 字。";
        }

        if (contact?.Trim().Length > InterviewLimits.ContactLength)
        {
            errors[ContactField] = $"联系方式不能超过 {InterviewLimits.ContactLength} 字。";
        }

        // The captcha is checked (and spent) on every submission, even an incomplete one.
        if (!await captchas.CheckAsync(captchaId, captcha, cancellationToken))
        {
            errors[CaptchaField] = string.IsNullOrWhiteSpace(captcha) ? "请输入图片中的验证码。" : "验证码不正确或已过期，请输入新图片中的字符。";
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync(interview, new QuestionForm(name, contact, text, errors), false, false, cancellationToken);
        }

        switch (await store.SubmitQuestionAsync(id, new NewInterviewQuestion(name, contact, text!), cancellationToken))
        {
            case QuestionOutcome.NotFound:
                return NotFound();
            case QuestionOutcome.Ended:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await PageAsync(interview, QuestionForm.Empty, false, refusedAfterEnd: true, cancellationToken);
            default:
                // Post/redirect/get: a reload does not send the question twice.
                return Redirect(InterviewPath(id) + "?sent=true#question-form");
        }
    }

    /// <summary>
    /// The published entries after <paramref name="after"/> (at most <see cref="InterviewStore.PageSize"/>; <c>more</c>
    /// says whether to ask again at once). Cached briefly while live, so many readers polling the same
    /// <c>after</c> cost one query; longer once the record is final.
    /// </summary>
    [HttpGet(IndexPath + "/{id}/live.json")]
    public async Task<IActionResult> Live(string id, long after, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } interview)
        {
            Response.Headers.CacheControl = "no-store";
            return NotFound();
        }

        var phase = interview.PhaseAt(store.UtcNow);
        var entries = await store.EntriesAsync(id, Math.Max(0, after), InterviewStore.PageSize + 1, cancellationToken);
        var more = entries.Count > InterviewStore.PageSize;
        var shown = entries.Take(InterviewStore.PageSize).ToList();
        var seconds = phase switch
        {
            InterviewPhase.Live => Math.Max(1, options.Value.PollSeconds / 2),
            InterviewPhase.Announced => 30,
            _ => 300,
        };
        Response.Headers.CacheControl = $"public, max-age={seconds}";
        return Json(new LiveAnswer(
            PhaseCode(phase),
            InterviewPhases.DisplayName(phase),
            shown.Count == 0 ? Math.Max(0, after) : shown[^1].Sequence,
            more,
            options.Value.PollSeconds,
            shown.Select(e => new LiveAnswerEntry(
                e.Sequence,
                e.Kind.ToString().ToLowerInvariant(),
                InterviewTranscript.SpeakerLabel(e),
                e.Text,
                DateText.Time(e.PublishedUtc),
                e.HasPicture ? PicturePath(id, e.Sequence) : null,
                e.HasPicture ? e.PictureAlt ?? "直播图片" : null)).ToList()), LiveJson);
    }

    /// <summary>A published entry's picture (checked by content when it was uploaded).</summary>
    [HttpGet(IndexPath + "/{id}/pictures/{sequence:long}")]
    public async Task<IActionResult> Picture(string id, long sequence, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null
            || await store.PicturePathAsync(id, sequence, cancellationToken) is not { } path
            || !media.Exists(path)
            || !MediaKinds.TryGetKind(Path.GetExtension(path), out var kind))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=3600";
        return File(media.OpenRead(path), MediaKinds.MediaTypeOf(kind));
    }

    [HttpGet(ScriptPath)]
    public IActionResult Script()
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(InterviewLiveScript.Source, "text/javascript; charset=utf-8");
    }

    private async Task<IActionResult> PageAsync(InterviewInfo interview, QuestionForm form, bool sent, bool refusedAfterEnd, CancellationToken cancellationToken)
    {
        var phase = interview.PhaseAt(store.UtcNow);
        string? captchaId = null;
        string? captchaImage = null;
        if (phase != InterviewPhase.Ended)
        {
            // A page with a captcha and a form is never stored (as antiforgery writes it, so it need not override).
            Response.Headers.CacheControl = "no-cache, no-store";
            var (issuedId, answer) = await captchas.IssueAsync(cancellationToken);
            (captchaId, captchaImage) = (issuedId, CaptchaImage.RenderDataUri(answer));
        }

        return View("Show", new InterviewPage(
            interview,
            phase,
            string.IsNullOrWhiteSpace(interview.Announcement) ? null : MarkdownRenderer.ToHtml(interview.Announcement),
            interview.PicturePath is null ? null : ItemUrls.Attachment(interview.Id, interview.PicturePath),
            await store.EntriesAsync(interview.Id, cancellationToken: cancellationToken),
            await store.ApprovedQuestionsAsync(interview.Id, cancellationToken),
            form,
            captchaId,
            captchaImage,
            sent,
            refusedAfterEnd,
            options.Value.PollSeconds));
    }

    private static string PhaseCode(InterviewPhase phase) => phase switch
    {
        InterviewPhase.Announced => "announced",
        InterviewPhase.Live => "live",
        _ => "ended",
    };
}

/// <summary>The answer of <c>live.json</c>.</summary>
public sealed record LiveAnswer(string Phase, string PhaseName, long Last, bool More, int PollSeconds, IReadOnlyList<LiveAnswerEntry> Entries);

/// <summary>An entry in <c>live.json</c>: plain text only, which the script puts in with <c>textContent</c>.</summary>
public sealed record LiveAnswerEntry(long Seq, string Kind, string Speaker, string Text, string Time, string? Picture, string? PictureAlt);
