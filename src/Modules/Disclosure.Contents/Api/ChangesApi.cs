using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Contents.Api;

/// <summary>
/// The change feed, <c>/api/v1/changes?since=CURSOR</c>: every publication, update and withdrawal in commit
/// order, so an app (or another node) can stay in sync by polling with the cursor it was last given.
/// </summary>
public static class ChangesApi
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/changes", ListAsync)
            .WithTags("变更流")
            .WithName("ListChanges")
            .WithSummary("内容变更流")
            .WithDescription("返回游标（since）之后的发布、更新、撤回记录，按发生顺序排列。首次同步不带 since；之后把返回的 cursor 作为 since 继续。")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Changes);
        return api;
    }

    private static async Task<Results<Ok<ChangePage>, ValidationProblem>> ListAsync(
        PublishedContentQuery query,
        string? since,
        int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        long cursor = 0;
        if (!string.IsNullOrEmpty(since) && (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out cursor) || cursor < 0))
        {
            errors["since"] = [$"游标“{since}”无效，请使用上次返回的 cursor，或不带 since 从头同步。"];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"每次条数应在 1 到 {MaxLimit} 之间。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询参数有误");
        }

        var take = limit ?? 100;
        // One extra row tells whether more is waiting without a second query.
        var entries = await query.ChangesAsync(cursor, take + 1, cancellationToken);
        var page = entries.Take(take).Select(e => new ChangeItem(
            e.Sequence,
            e.ContentItemId,
            e.ContentType,
            e.Kind.ToString().ToLowerInvariant(),
            e.VersionNumber,
            ChinaTime.ToLocal(e.OccurredUtc),
            $"/api/v1/content/{e.ContentItemId}")).ToList();
        var next = page.Count > 0 ? page[^1].Sequence : cursor;
        return TypedResults.Ok(new ChangePage(page, next.ToString(CultureInfo.InvariantCulture), entries.Count > take));
    }
}
