using Disclosure.Search.Querying;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// <c>/api/v1/search/suggest?q=</c>: what the search box offers while a visitor types. Anonymous and limited per address
/// like every public request; never cached by the site (the 常用检索词 move without the change log).
/// </summary>
public static class SuggestApi
{
    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/search/suggest", SuggestAsync)
            .WithTags("检索")
            .WithName("SearchSuggest")
            .WithSummary("检索词输入提示")
            .WithDescription("输入检索词时给出的提示，最多 8 条：常用检索词（kind=query，公众多次检索且有结果的词，不含身份证号、手机号、电子邮箱等个人信息）" +
                $"和包含所输入文字的已发布内容标题（kind=title，附内容 id）。q 为已输入的文字（1 到 {SearchSuggester.MaxInputLength} 个字）；" +
                "在机构网站（/a/{机构代码}/api/v1/search/suggest 或其独立域名）只提示本机构（本级）的内容，reach=subtree（含下级）或 all（全部）可扩大范围。" +
                "每条提示都能检索到结果。")
            .WithResponseExample(StatusCodes.Status200OK, Example);
        return api;
    }

    /// <summary>The OpenAPI document's example: 户籍 typed into the box on the demo site.</summary>
    private static readonly SuggestionPage Example = new("户籍",
    [
        new SuggestionItem("户籍 迁入", "query", null),
        new SuggestionItem("户籍业务窗口信息公开", "title", "window-household-registration"),
        new SuggestionItem("关于调整户籍窗口冬季工作时间的公告", "title", "draft-household-window-hours-2026"),
    ]);

    private static async Task<Results<Ok<SuggestionPage>, ValidationProblem>> SuggestAsync(
        SearchSuggester suggester,
        HttpContext context,
        string? q,
        string? reach,
        CancellationToken cancellationToken)
    {
        var text = q?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Invalid("q", QueryMessages.Empty);
        }

        if (text.Length > SearchSuggester.MaxInputLength)
        {
            return Invalid("q", $"检索词过长，输入提示只支持 {SearchSuggester.MaxInputLength} 个字以内。");
        }

        var scope = context.RequestServices.GetService<ISearchSiteScope>() is { } site
            ? await site.ResolveAsync(reach, cancellationToken)
            : SearchSiteScope.Everything;
        if (scope.Error is { } error)
        {
            return Invalid("reach", error);
        }

        var suggestions = await suggester.SuggestAsync(text, scope.Agencies, cancellationToken);

        // A short private cache: typing back and forth over the same letters asks once.
        context.Response.Headers.CacheControl = "private, max-age=30";
        return TypedResults.Ok(new SuggestionPage(text, suggestions
            .Select(s => new SuggestionItem(s.Text, s.Kind == SuggestionKind.Title ? "title" : "query", s.Id))
            .ToList()));
    }

    private static ValidationProblem Invalid(string parameter, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [parameter] = [message] },
        detail: message,
        title: "查询参数有误");
}

/// <summary>Suggestions for what was typed (<c>query</c>), 常用检索词 first.</summary>
public sealed record SuggestionPage(string Query, IReadOnlyList<SuggestionItem> Suggestions);

/// <summary>One suggestion: the text to search for; <c>kind</c> is <c>query</c> (常用检索词) or <c>title</c> (an item's 标题, with its <c>id</c>).</summary>
public sealed record SuggestionItem(string Text, string Kind, string? Id);
