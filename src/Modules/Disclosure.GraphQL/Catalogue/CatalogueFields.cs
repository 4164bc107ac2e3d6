using Disclosure.Contents.Catalogue;
using Disclosure.GraphQL.Schema;
using Disclosure.Storage;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.GraphQL.Catalogue;

/// <summary>信息公开目录: a class with its children.</summary>
internal sealed class CatalogueClassGraphType : RecordGraphType<CatalogueNode>
{
    public CatalogueClassGraphType()
        : base("CatalogueClass", "信息公开目录分类：code 为分类代码（contents 的 catalogue 参数），children 为下级分类")
    {
    }
}

/// <summary>The root field <c>catalogue</c>: the 目录 tree from its roots, in the recipe's order.</summary>
internal static class CatalogueFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogueClassGraphType>>>>("catalogue")
            .Description("信息公开目录（分类树，自顶层分类起）")
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<DisclosureDbContext>();
                return (await CatalogueTree.LoadAsync(db, context.CancellationToken)).Roots;
            });
}
