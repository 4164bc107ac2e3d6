using Disclosure.Interaction.Mailbox;
using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Interaction.Ratings;

/// <summary>What /satisfaction shows: the code form, the reply found and its rating form, or the outcome of a rating.</summary>
public sealed record SatisfactionPage(string? TrackingCode, RateableReply? Reply, string? Token, bool NotFound, string? Error, bool Thanks)
{
    /// <summary>The comment typed in a refused rating, shown again.</summary>
    public string? Comment { get; init; }
}

/// <summary>
/// 满意度评价 on the public site: a writer (局长信箱) or applicant (依申请公开) enters their 查询码 and phone (or, for an
/// application, the ID number given in it), sees which reply it is and rates it once. The status page of the mailbox
/// posts its rating form here too.
/// </summary>
[EnableRateLimiting(MailboxOptions.PageViewPolicy)]
public sealed class SatisfactionController(RatingService ratings) : Controller
{
    public const string Path = "/satisfaction";
    public const string RatePath = "/satisfaction/rate";

    [HttpGet(Path)]
    public IActionResult Index()
    {
        NoStore();
        return View(new SatisfactionPage(null, null, null, false, null, false));
    }

    [HttpPost(Path)]
    [ValidateAntiForgeryToken]
    [FormBudget(MailboxOptions.StatusBudget)]
    public async Task<IActionResult> Index([FromForm] string? trackingCode, [FromForm] string? secondFactor, CancellationToken cancellationToken)
    {
        NoStore();
        if (string.IsNullOrWhiteSpace(trackingCode) || string.IsNullOrWhiteSpace(secondFactor))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new SatisfactionPage(trackingCode, null, null, false, "请填写查询码，以及写信或申请时填写的联系电话（或证件号码）。", false));
        }

        if (await ratings.FindAsync(trackingCode, secondFactor, cancellationToken) is not { } reply)
        {
            return View(new SatisfactionPage(trackingCode, null, null, true, null, false));
        }

        var token = reply.Answered && reply.Rated is null ? ratings.TokenFor(reply) : null;
        return View(new SatisfactionPage(trackingCode, reply, token, false, null, false));
    }

    [HttpPost(RatePath)]
    [ValidateAntiForgeryToken]
    [FormBudget(MailboxOptions.StatusBudget)]
    public async Task<IActionResult> Rate([FromForm] string? token, [FromForm] Satisfaction? rating, [FromForm] string? comment, CancellationToken cancellationToken)
    {
        NoStore();
        if (await ratings.RateAsync(token, rating, comment, cancellationToken) is { } refusal)
        {
            // A missing choice or an over-long comment keeps the form (and what was typed); an expired token does not.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new SatisfactionPage(null, null, ratings.Names(token) ? token : null, false, refusal, false) { Comment = comment });
        }

        return View("Index", new SatisfactionPage(null, null, null, false, null, true));
    }

    private void NoStore() => Response.Headers.CacheControl = "no-cache, no-store";
}

/// <summary>The rating form: the sealed token naming the reply, and a comment typed before a refusal.</summary>
public sealed record RatingFormModel(string Token, string? Comment);
