using Disclosure.Contents;
using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items;
using Disclosure.Enforcement.Services;
using Disclosure.Site.Forms;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Public;

/// <summary>
/// 执法公开平台 and 警务公开查询 on the public site. The query is for the parties of a case only: 案件编号, the 查询码
/// on their 回执 and the last four characters of their ID number or phone, behind a captcha, antiforgery and a per-IP
/// budget; nothing cached, nothing indexed. Every wrong combination gets the same 未找到 and nothing typed is sent
/// back with it, so the answer says neither which part was wrong nor whether the case exists.
/// </summary>
[EnableRateLimiting(EnforcementPublicServices.PageViewPolicy)]
public sealed class EnforcementController(
    PartyCaseQuery query,
    CaptchaStore captchas,
    EnforcementStatistics statistics,
    CaseKindStore kinds,
    PublishedContentQuery content,
    SiteContext site,
    IOptions<EnforcementPublicOptions> options) : Controller
{
    public const string IntroPath = "/enforcement";
    public const string QueryPath = "/enforcement/query";

    /// <summary>The field names of the query form (not “code”: the error pages re-execute a refused POST and would bind it).</summary>
    public const string CaseNumberField = "caseNumber";
    public const string QueryCodeField = "queryCode";
    public const string TailField = "tail";
    public const string CaptchaField = "captcha";

    [HttpGet(IntroPath)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tree = await site.CatalogueAsync(cancellationToken);
        var sections = new List<IntroSection>
        {
            await SectionAsync(tree, "subjects", "执法主体", "本机关及各办案单位的机构设置、职责任务和工作权限。", settings.SubjectsCatalogue, cancellationToken),
            await SectionAsync(tree, "basis", "执法依据", "刑事、行政执法所依据的法律、法规、规章和规范性文件。", settings.BasisCatalogue, cancellationToken),
            await SectionAsync(tree, "process", "执法流程", "各类案件的办理环节，以及各项业务的办理条件、程序和期限。", settings.ProcessCatalogue, cancellationToken),
            await SectionAsync(tree, "remedies", "救济途径", "对执法行为不服或者有意见的，可以依法申请行政复议、提起行政诉讼、申请国家赔偿，或者向纪检督察部门举报投诉。", settings.RemediesCatalogue, cancellationToken),
        };
        var summaries = (await kinds.GetAsync(cancellationToken)).All
            .Select(k => new CaseKindSummary(k.Name, k.Events.Select(e => e.Name).ToList(), k.Rights))
            .ToList();
        return View(new EnforcementIntroPage(sections, summaries, tree.Find(settings.RandomInspectionCatalogue), await statistics.GetAsync(cancellationToken)));
    }

    [HttpGet(QueryPath)]
    public async Task<IActionResult> Query(CancellationToken cancellationToken) =>
        await FormAsync(null, null, new Dictionary<string, string>(), notFound: false, cancellationToken);

    [HttpPost(QueryPath)]
    [ValidateAntiForgeryToken]
    [FormBudget(EnforcementPublicServices.QueryBudget)]
    public async Task<IActionResult> Query(
        [FromForm(Name = CaseNumberField)] string? caseNumber,
        [FromForm(Name = QueryCodeField)] string? queryCode,
        [FromForm(Name = TailField)] string? tail,
        [FromForm] string? captchaId,
        [FromForm(Name = CaptchaField)] string? captcha,
        [FromForm] string? refresh,
        CancellationToken cancellationToken)
    {
        if (refresh is not null)
        {
            // 换一张: what was typed stays (but the tail), a new image, no errors yet; the old challenge is spent.
            await captchas.CheckAsync(captchaId, null, cancellationToken);
            return await FormAsync(caseNumber, queryCode, new Dictionary<string, string>(), notFound: false, cancellationToken);
        }

        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(caseNumber))
        {
            errors[CaseNumberField] = "请填写案件编号。";
        }

        if (string.IsNullOrWhiteSpace(queryCode))
        {
            errors[QueryCodeField] = "请填写查询码。";
        }

        if (string.IsNullOrWhiteSpace(tail))
        {
            errors[TailField] = "请填写证件号码或联系电话的后四位。";
        }

        // The captcha is checked (and spent) on every submission, even an incomplete one.
        if (!await captchas.CheckAsync(captchaId, captcha, cancellationToken))
        {
            errors[CaptchaField] = string.IsNullOrWhiteSpace(captcha) ? "请输入图片中的验证码。" : "验证码不正确或已过期，请输入新图片中的字符。";
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await FormAsync(caseNumber, queryCode, errors, notFound: false, cancellationToken);
        }

        if (await query.FindAsync(caseNumber, queryCode, tail, cancellationToken) is not { } found)
        {
            // One answer for every wrong combination, with nothing typed in it.
            return await FormAsync(null, null, new Dictionary<string, string>(), notFound: true, cancellationToken);
        }

        NoStore();
        return View("Query", new PartyQueryPage(null, null, new Dictionary<string, string>(), null, null, NotFound: false, found));
    }

    private async Task<IActionResult> FormAsync(
        string? caseNumber, string? queryCode, IReadOnlyDictionary<string, string> errors, bool notFound, CancellationToken cancellationToken)
    {
        NoStore();
        var (id, answer) = await captchas.IssueAsync(cancellationToken);
        return View("Query", new PartyQueryPage(caseNumber, queryCode, errors, id, CaptchaImage.RenderDataUri(answer), notFound, null));
    }

    private async Task<IntroSection> SectionAsync(CatalogueTree tree, string id, string title, string lead, string catalogue, CancellationToken cancellationToken)
    {
        if (tree.Find(catalogue) is not { } node)
        {
            return new IntroSection(id, title, lead, null, []);
        }

        var latest = await content.ListAsync(new PublishedContentFilter(Catalogue: node.Code), 1, Math.Max(1, options.Value.ItemsPerSection), cancellationToken);
        return new IntroSection(id, title, lead, node, RowPage.From(latest).Rows);
    }

    /// <summary>
    /// Never stored by a browser or proxy (a party's case). Written as antiforgery writes it for a page with a form, so
    /// antiforgery need not override it.
    /// </summary>
    private void NoStore() => Response.Headers.CacheControl = "no-cache, no-store";
}
