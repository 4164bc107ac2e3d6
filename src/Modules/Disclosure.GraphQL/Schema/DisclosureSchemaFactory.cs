using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Api;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Credit.Api;
using Disclosure.GraphQL.Catalogue;
using Disclosure.GraphQL.Changes;
using Disclosure.GraphQL.Content;
using Disclosure.GraphQL.Credit;
using Disclosure.GraphQL.Search;
using Disclosure.Search.Api;
using Disclosure.Storage.Agencies;
using GraphQL.Types;

namespace Disclosure.GraphQL.Schema;

/// <summary>Builds the whole schema for one set of content definitions.</summary>
public static class DisclosureSchemaFactory
{
    public static ISchema Build(IReadOnlyDictionary<string, ContentTypeDefinition> definitions)
    {
        var content = new ContentItemTypes(definitions);
        var query = new ObjectGraphType { Name = "Query", Description = "政府信息公开：已发布内容、信息公开目录、检索、双公示与变更流" };
        ContentFields.AddTo(query, content);
        CatalogueFields.AddTo(query);
        SearchFields.AddTo(query);
        CreditFields.AddTo(query);
        ChangeFields.AddTo(query);

        var schema = new global::GraphQL.Types.Schema { Query = query, Description = "Disclosure 政府信息公开 GraphQL 接口" };
        // The content types are reached through the ContentItem interface only, so they are registered by hand.
        schema.RegisterType(content.Interface);
        schema.RegisterType(content.Page);
        foreach (var type in content.PartTypes.Concat(content.ContentTypes))
        {
            schema.RegisterType(type);
        }

        // The records other modules give REST, nested in those above: each CLR type has its one GraphQL type.
        schema.RegisterTypeMapping(typeof(CatalogueNode), typeof(CatalogueClassGraphType));
        schema.RegisterTypeMapping(typeof(PublicCreditParty), typeof(CreditPartyGraphType));
        schema.RegisterTypeMapping(typeof(AgencyReference), typeof(AgencyGraphType));
        schema.RegisterTypeMapping(typeof(SearchHitItem), typeof(SearchHitGraphType));
        schema.RegisterTypeMapping(typeof(SearchFacetGroups), typeof(SearchFacetsGraphType));
        schema.RegisterTypeMapping(typeof(FacetItem), typeof(FacetGraphType));
        schema.RegisterTypeMapping(typeof(ChangeItem), typeof(ChangeGraphType));
        schema.Initialize();
        return schema;
    }
}
