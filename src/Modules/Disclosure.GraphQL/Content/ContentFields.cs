using Disclosure.GraphQL.Access;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.GraphQL.Content;

/// <summary>The root fields over content: <c>content</c>, <c>contents</c> and <c>drafts</c>.</summary>
internal static class ContentFields
{
    public const int DefaultPageSize = 20;

    public static void AddTo(ObjectGraphType query, ContentItemTypes types)
    {
        query.Field("content", new GraphQLTypeReference(ContentItemTypes.InterfaceName))
            .Description("单条内容。默认返回已发布版本；不存在或未发布时返回 null 和错误 NOT_FOUND；已撤回时返回 null 和错误 WITHDRAWN，" +
                "其 extensions 中有撤回时间（withdrawnAt）和撤回理由（reason）。draft: true 返回本机构内容的最新版本（需要 content:read-drafts 权限）。")
            .Argument<NonNullGraphType<IdGraphType>>("id", "内容编号")
            .Argument<BooleanGraphType>("draft", "是否读取最新版本（含草稿），默认 false", a => a.DefaultValue = false)
            .ResolveAsync(async context =>
            {
                var reader = context.RequestServices!.GetRequiredService<ContentReader>();
                var id = context.GetArgument<string>("id");
                return context.GetArgument<bool>("draft")
                    ? await reader.GetLatestAsync(id, Caller(context), context.CancellationToken)
                    : await reader.GetPublishedAsync(id, context.CancellationToken);
            });

        query.Field("contents", new NonNullGraphType(types.Page))
            .Description("已发布内容列表，按发布时间倒序分页，与 /api/v1/content 的参数和结果相同。")
            .Argument<StringGraphType>("type", "内容类型，如 RegulatoryDocument")
            .Argument<StringGraphType>("catalogue", "目录分类代码（含下级分类）")
            .Argument<StringGraphType>("agency", "发布机构代码")
            .Argument<StringGraphType>("reach", "与 agency 一起使用：own 本级（默认）、subtree 含下级、all 全部")
            .Argument<IntGraphType>("year", "发布年度（北京时间）")
            .Argument<IntGraphType>("page", "页码，从 1 开始", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("pageSize", "每页条数，1 到 100，默认 20", a => a.DefaultValue = DefaultPageSize)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ContentReader>().ListAsync(
                new ContentListArguments(
                    context.GetArgument<string?>("type"),
                    context.GetArgument<string?>("catalogue"),
                    context.GetArgument<string?>("agency"),
                    context.GetArgument<string?>("reach"),
                    context.GetArgument<int?>("year"),
                    context.GetArgument("page", 1),
                    context.GetArgument("pageSize", DefaultPageSize)),
                context.CancellationToken));

        query.Field("drafts", new NonNullGraphType(types.Page))
            .Description("本机构尚未发布的最新版本（草稿、审核中、已审批、定时发布），按创建时间倒序。需要具有 content:read-drafts 权限的 API 客户端令牌；只含令牌所属机构的内容。")
            .Argument<StringGraphType>("type", "内容类型")
            .Argument<IntGraphType>("page", "页码，从 1 开始", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("pageSize", "每页条数，1 到 100，默认 20", a => a.DefaultValue = DefaultPageSize)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ContentReader>().ListDraftsAsync(
                Caller(context), context.GetArgument<string?>("type"), context.GetArgument("page", 1), context.GetArgument("pageSize", DefaultPageSize), context.CancellationToken));
    }

    private static GraphQLCaller Caller(IResolveFieldContext context) => (context.UserContext as GraphQLUserContext)?.Caller ?? GraphQLCaller.Public;
}
