using System.Globalization;
using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// 社会评议 on the public site: the list, a survey's answer page, the thanks page and the results. One answer per
/// person is best-effort and the page says so: a captcha challenge carries one answer, the browser keeps a cookie
/// marking the survey answered, and each address has a budget of submissions.
/// </summary>
[EnableRateLimiting(SurveysServices.PageViewPolicy)]
public sealed class SurveysController(SurveyAnswering answering, SurveyResults results, CaptchaStore captchas, TimeProvider clock, IOptions<SurveyOptions> options) : Controller
{
    /// <summary>The cookie that marks a survey answered in this browser: <c>survey-answered-12</c>.</summary>
    public static string AnsweredCookie(long id) => "survey-answered-" + id.ToString(CultureInfo.InvariantCulture);

    [HttpGet(SurveyPaths.PublicList)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (open, done) = await answering.ListAsync(cancellationToken);
        return View(new SurveyListPage(open, done));
    }

    [HttpGet(SurveyPaths.PublicList + "/{id:long}")]
    public async Task<IActionResult> Survey(long id, CancellationToken cancellationToken)
    {
        if (await answering.FindPublishedAsync(id, cancellationToken) is not { } definition)
        {
            return NotFound();
        }

        return await PageAsync(definition, new Dictionary<long, IReadOnlyList<string>>(), new Dictionary<string, string>(), cancellationToken);
    }

    [HttpPost(SurveyPaths.PublicList + "/{id:long}")]
    [ValidateAntiForgeryToken]
    [FormBudget(SurveysServices.AnswerBudget)]
    public async Task<IActionResult> Answer(long id, [FromForm] string? captchaId, [FromForm(Name = SurveyAnswering.CaptchaField)] string? captcha, [FromForm] string? refresh, CancellationToken cancellationToken)
    {
        if (await answering.FindPublishedAsync(id, cancellationToken) is not { } definition)
        {
            return NotFound();
        }

        var values = definition.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<string>)Request.Form[SurveyAnswering.Field(q.Id)].OfType<string>().ToList());
        if (Request.Cookies.ContainsKey(AnsweredCookie(id)))
        {
            // Answered from this browser already: refused before anything is checked or stored.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await PageAsync(definition, values, new Dictionary<string, string>(), cancellationToken);
        }

        if (refresh is not null)
        {
            // 换一张: the answers stay, a new image, no errors yet; the old challenge is spent.
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            return await PageAsync(definition, values, new Dictionary<string, string>(), cancellationToken);
        }

        var result = await answering.SubmitAsync(id, captchaId, captcha, values, cancellationToken);
        switch (result.Outcome)
        {
            case SubmissionOutcome.Accepted:
                Response.Cookies.Append(AnsweredCookie(id), "1", new CookieOptions
                {
                    HttpOnly = true,
                    Secure = Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    Path = SurveyPaths.PublicList,
                    Expires = new DateTimeOffset(DateTime.SpecifyKind(definition.Survey.ClosesUtc, DateTimeKind.Utc)).AddDays(options.Value.AnsweredCookieDays),
                    IsEssential = true,
                });
                return Redirect(SurveyPaths.Thanks(id));
            case SubmissionOutcome.NotOpen:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await PageAsync((await answering.FindPublishedAsync(id, cancellationToken))!, values, new Dictionary<string, string>(), cancellationToken);
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await PageAsync(definition, values, result.Errors, cancellationToken);
        }
    }

    [HttpGet(SurveyPaths.PublicList + "/{id:long}/thanks")]
    public async Task<IActionResult> Thanks(long id, CancellationToken cancellationToken)
    {
        if (await answering.FindPublishedAsync(id, cancellationToken) is not { } definition)
        {
            return NotFound();
        }

        if (!Request.Cookies.ContainsKey(AnsweredCookie(id)))
        {
            return Redirect(SurveyPaths.Public(id));
        }

        Response.Headers.CacheControl = "no-cache, no-store";
        return View(definition);
    }

    [HttpGet(SurveyPaths.PublicList + "/{id:long}/results")]
    public async Task<IActionResult> Results(long id, CancellationToken cancellationToken)
    {
        if (await answering.FindPublishedAsync(id, cancellationToken) is not { Survey.ResultsPublishedUtc: not null })
        {
            return NotFound();
        }

        return View(await results.ComputeAsync(id, cancellationToken));
    }

    private async Task<IActionResult> PageAsync(
        SurveyDefinition definition, IReadOnlyDictionary<long, IReadOnlyList<string>> values, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = definition.Survey.OpensUtc > now ? SurveyPageState.NotYetOpen
            : definition.Survey.ClosesUtc <= now ? SurveyPageState.Closed
            : Request.Cookies.ContainsKey(AnsweredCookie(definition.Survey.Id)) ? SurveyPageState.Answered
            : SurveyPageState.Open;
        // Never stored by a browser or proxy: it varies with the visitor's cookie, and the form carries a captcha
        // (written as antiforgery writes it, so antiforgery need not override it).
        Response.Headers.CacheControl = "no-cache, no-store";
        string? captchaId = null, image = null;
        if (state == SurveyPageState.Open)
        {
            var (id, answer) = await captchas.IssueAsync(cancellationToken);
            (captchaId, image) = (id, CaptchaImage.RenderDataUri(answer));
        }

        return View("Survey", new SurveyAnswerPage(definition, state, values, errors, captchaId, image));
    }
}
