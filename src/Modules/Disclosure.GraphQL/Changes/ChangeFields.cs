using System.Globalization;
using Disclosure.Contents.Api;
using Disclosure.Core.Time;
using Disclosure.GraphQL.Execution;
using Disclosure.GraphQL.Schema;
using Disclosure.Storage.Content;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.GraphQL.Changes;

internal sealed class ChangeGraphType : RecordGraphType<ChangeItem>
{
    public ChangeGraphType()
        : base("Change", "一条变更：kind 为 published（首次发布）、updated（新版本）或 withdrawn（撤回）")
    {
    }
}

internal sealed class ChangePageGraphType : RecordGraphType<ChangePage>
{
    public ChangePageGraphType()
        : base("ChangePage", "一页变更；把 cursor 作为下次的 after 继续，hasMore 为 false 时已同步到最新")
    {
    }
}

/// <summary>The root field <c>changes</c>: the change feed of <c>/api/v1/changes</c>, with the same cursor.</summary>
internal static class ChangeFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ChangePageGraphType>>("changes")
            .Description("内容变更流：游标（after）之后的发布、更新、撤回记录，按发生顺序排列。首次同步不带 after；之后把返回的 cursor 作为 after 继续。与 /api/v1/changes 的 since 相同。")
            .Argument<StringGraphType>("after", "上次返回的 cursor")
            .Argument<IntGraphType>("limit", $"每次条数，1 到 {ChangesApi.MaxLimit}，默认 100", a => a.DefaultValue = 100)
            .ResolveAsync(async context =>
            {
                var after = context.GetArgument<string?>("after");
                var limit = context.GetArgument("limit", 100);
                long cursor = 0;
                if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor) || cursor < 0))
                {
                    throw new InvalidArgumentError("after", $"游标“{after}”无效，请使用上次返回的 cursor，或不带 after 从头同步。");
                }

                if (limit is < 1 or > ChangesApi.MaxLimit)
                {
                    throw new InvalidArgumentError("limit", $"每次条数应在 1 到 {ChangesApi.MaxLimit} 之间。");
                }

                // One extra row tells whether more is waiting, as the REST feed does.
                var entries = await context.RequestServices!.GetRequiredService<PublishedContentQuery>().ChangesAsync(cursor, limit + 1, context.CancellationToken);
                var page = entries.Take(limit).Select(e => new ChangeItem(
                    e.Sequence, e.ContentItemId, e.ContentType, e.Kind.ToString().ToLowerInvariant(), e.VersionNumber,
                    ChinaTime.ToLocal(e.OccurredUtc), $"/api/v1/content/{e.ContentItemId}")).ToList();
                var next = page.Count > 0 ? page[^1].Sequence : cursor;
                return new ChangePage(page, next.ToString(CultureInfo.InvariantCulture), entries.Count > limit);
            });
}
