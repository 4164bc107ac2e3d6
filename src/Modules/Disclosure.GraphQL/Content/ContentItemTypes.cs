using Disclosure.Contents.Api;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.GraphQL.Schema;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLFieldType = GraphQL.Types.FieldType;

namespace Disclosure.GraphQL.Content;

/// <summary>The value of a built-in part field: the item, and which of its parts.</summary>
internal sealed record PartSource(ContentNode Node, string PartName);

/// <summary>
/// The content model as GraphQL types, generated from the content definitions: the interface <c>ContentItem</c> with the
/// metadata every item has, one object type per content type implementing it (its built-in parts as nested objects,
/// its own fields directly on it, as Orchard Core's GraphQL does), and <c>ContentPage</c> for lists.
/// </summary>
internal sealed class ContentItemTypes
{
    public const string InterfaceName = "ContentItem";
    public const string PageName = "ContentPage";

    /// <summary>Type names of the schema that a content type may not take (see <see cref="GraphQLNames"/>).</summary>
    public static readonly IReadOnlySet<string> FixedTypeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "Query", InterfaceName, PageName, LinkGraphType.TypeName, MediaFileGraphType.TypeName, TableGraphType.TypeName,
        "String", "Int", "Float", "Boolean", "ID", "Long", "Decimal", "DateOnly", "DateTimeOffset",
        "CatalogueClass", "SearchPage", "SearchHit", "SearchFacets", "Facet", "CreditRecord", "CreditLicence", "CreditPenalty",
        "CreditParty", "Agency", "CreditRecordPage", "CreditRecordKind", "CreditSearchBy", "CreditSearchMatch", "Change", "ChangePage",
        BuiltInParts.TitlePart, BuiltInParts.BodyPart, Core.Disclosure.DisclosureMetadataPart.PartName,
    };

    private readonly Dictionary<string, IObjectGraphType> _byContentType = new(StringComparer.Ordinal);

    public ContentItemTypes(IReadOnlyDictionary<string, ContentTypeDefinition> definitions)
    {
        Interface = new InterfaceGraphType { Name = InterfaceName, Description = "已发布内容（任一内容类型）的公共元数据。按内容类型取其字段：… on RegulatoryDocument { … }。" };
        AddMetadataFields(Interface, definitions, resolve: false);
        Interface.ResolveType = source => source is ContentNode node ? _byContentType.GetValueOrDefault(node.Summary.Type) : null;

        var parts = BuiltInParts.Names.Select(name => BuiltInParts.TryGet(name, out var part) ? part : null).OfType<ContentPartDefinition>()
            .ToDictionary(part => part.Name, BuildPartType, StringComparer.Ordinal);
        PartTypes = parts.Values.ToList();

        foreach (var definition in definitions.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var type = new ObjectGraphType
            {
                Name = GraphQLNames.TypeName(definition.Name, FixedTypeNames),
                Description = string.IsNullOrWhiteSpace(definition.Description) ? definition.DisplayName : $"{definition.DisplayName}：{definition.Description}",
            };
            var taken = AddMetadataFields(type, definitions, resolve: true);
            foreach (var part in definition.Parts.Where(parts.ContainsKey))
            {
                var partType = parts[part];
                type.AddField(new GraphQLFieldType
                {
                    Name = GraphQLNames.Claim(taken, GraphQLNames.FieldName(part)),
                    Description = partType.Description,
                    ResolvedType = new NonNullGraphType(new GraphQLTypeReference(partType.Name)),
                    Resolver = new FuncFieldResolver<object>(c => new PartSource((ContentNode)c.Source!, part)),
                });
            }

            ContentFieldMapping.AddFields(type, definition.Name, definition.Fields, taken, source => (ContentNode)source!);
            type.AddResolvedInterface(Interface);
            Interface.AddPossibleType(type);
            _byContentType[definition.Name] = type;
        }

        Page = BuildPageType();
    }

    public InterfaceGraphType Interface { get; }

    public IReadOnlyCollection<IObjectGraphType> ContentTypes => _byContentType.Values;

    public IReadOnlyList<IObjectGraphType> PartTypes { get; }

    public IObjectGraphType Page { get; }

    public static IGraphType ListOfItems() => new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(InterfaceName))));

    /// <summary>
    /// The metadata fields, the same on the interface (declared only: GraphQL resolves them on the concrete type) and on
    /// every content type; returns the names taken.
    /// </summary>
    private static HashSet<string> AddMetadataFields(IComplexGraphType type, IReadOnlyDictionary<string, ContentTypeDefinition> definitions, bool resolve)
    {
        void Add<TGraph>(string name, string description, Func<ContentNode, object?> value) where TGraph : IGraphType =>
            type.AddField(new GraphQLFieldType
            {
                Name = name,
                Description = description,
                Type = typeof(TGraph),
                Resolver = resolve ? new FuncFieldResolver<object>(c => value((ContentNode)c.Source!)) : null,
            });

        Add<NonNullGraphType<IdGraphType>>("id", "内容编号", n => n.Summary.Id);
        Add<NonNullGraphType<StringGraphType>>("type", "内容类型（recipe 中的名称）", n => n.Summary.Type);
        Add<StringGraphType>("typeName", "内容类型名称", n => definitions.GetValueOrDefault(n.Summary.Type)?.DisplayName);
        Add<NonNullGraphType<StringGraphType>>("title", "标题", n => n.Summary.Title);
        Add<StringGraphType>("indexNumber", "索引号", n => n.Summary.IndexNumber);
        Add<StringGraphType>("documentNumber", "文号", n => n.Summary.DocumentNumber);
        Add<StringGraphType>("catalogue", "目录分类代码", n => n.Summary.Catalogue);
        Add<StringGraphType>("catalogueName", "目录分类名称", n => n.Summary.CatalogueName);
        Add<StringGraphType>("agency", "发布机构代码", n => n.Summary.Agency);
        Add<StringGraphType>("agencyName", "发布机构名称", n => n.Summary.AgencyName);
        Add<StringGraphType>("writtenDate", "成文日期（YYYY-MM-DD）", n => n.Summary.WrittenDate);
        Add<DateTimeOffsetGraphType>("publishedAt", "发布日期（北京时间）", n => n.Summary.PublishedAt);
        Add<NonNullGraphType<IntGraphType>>("version", "版本号", n => n.Summary.Version);
        Add<NonNullGraphType<StringGraphType>>("url", "REST 接口地址", n => n.Summary.Url);
        Add<NonNullGraphType<StringGraphType>>("status", "版本状态：published（已发布）；读取草稿时也可能是 draft、inReview、approved、scheduled、withdrawn", n => StatusName(n.Status));
        Add<NonNullGraphType<StringGraphType>>("statusName", "版本状态（中文）", n => ContentStatusNames.DisplayName(n.Status));
        return type.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static string StatusName(ContentStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static ObjectGraphType BuildPartType(ContentPartDefinition part)
    {
        var type = new ObjectGraphType { Name = GraphQLNames.TypeName(part.Name, new HashSet<string>()), Description = part.DisplayName };
        ContentFieldMapping.AddFields(type, part.Name, part.Fields, new HashSet<string>(StringComparer.Ordinal), source => ((PartSource)source!).Node);
        return type;
    }

    private static ObjectGraphType BuildPageType()
    {
        var page = new ObjectGraphType { Name = PageName, Description = "一页内容及分页信息（与 /api/v1/content 相同）" };
        page.AddField(new GraphQLFieldType { Name = "total", Description = "符合条件的总条数", Type = typeof(NonNullGraphType<IntGraphType>), Resolver = new FuncFieldResolver<ContentNodePage, int>(c => c.Source.Total) });
        page.AddField(new GraphQLFieldType { Name = "page", Description = "页码", Type = typeof(NonNullGraphType<IntGraphType>), Resolver = new FuncFieldResolver<ContentNodePage, int>(c => c.Source.Page) });
        page.AddField(new GraphQLFieldType { Name = "pageSize", Description = "每页条数", Type = typeof(NonNullGraphType<IntGraphType>), Resolver = new FuncFieldResolver<ContentNodePage, int>(c => c.Source.PageSize) });
        page.AddField(new GraphQLFieldType { Name = "items", Description = "本页内容", ResolvedType = ListOfItems(), Resolver = new FuncFieldResolver<ContentNodePage, object>(c => c.Source.Items) });
        return page;
    }
}
