using System.Text.Json.Nodes;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.GraphQL.Schema;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using FieldKind = Disclosure.Core.ContentManagement.Metadata.FieldType;
using GraphQLFieldType = GraphQL.Types.FieldType;

namespace Disclosure.GraphQL.Content;

/// <summary>
/// Turns the typed fields of a part into GraphQL fields. Each field kind has one GraphQL shape:
/// Text, Choice → <c>String</c> (<c>[String!]!</c> when multiple); Markdown → <c>String</c> (the source) plus
/// <c>{name}Html</c> (rendered and sanitised, as on the public page); Html → <c>String</c> (sanitised again on output);
/// Date → <c>DateOnly</c> (YYYY-MM-DD); Number → <c>Decimal</c>; Boolean → <c>Boolean</c>; Link → <c>Link</c>;
/// Media → <c>[MediaFile!]!</c> (or one <c>MediaFile</c>); Table → <c>Table</c>; ContentPicker → <c>ID</c>
/// (<c>[ID!]!</c>) plus <c>{name}Items: [ContentItem!]!</c>, the picked items that are public now.
/// </summary>
internal static class ContentFieldMapping
{
    /// <param name="nodeOf">How to get from the GraphQL source (an item, or a part of it) to the item.</param>
    public static void AddFields(IComplexGraphType target, string partName, IEnumerable<ContentFieldDefinition> fields, ISet<string> taken, Func<object?, ContentNode> nodeOf)
    {
        foreach (var field in fields)
        {
            var name = GraphQLNames.Claim(taken, GraphQLNames.FieldName(field.Name));
            JsonNode? Value(IResolveFieldContext context) => nodeOf(context.Source).Data.Get(partName, field.Name);
            var description = string.IsNullOrWhiteSpace(field.Hint) ? field.DisplayName : $"{field.DisplayName}：{field.Hint}";

            switch (field.Type)
            {
                case FieldKind.Markdown:
                    Add(target, name, typeof(StringGraphType), description + "（Markdown 原文）", c => FieldValues.Text(Value(c)));
                    Add(target, GraphQLNames.Claim(taken, name + "Html"), typeof(StringGraphType), description + "（HTML，已净化）",
                        c => FieldValues.Text(Value(c)) is { } markdown ? MarkdownRenderer.ToHtml(markdown) : null);
                    break;
                case FieldKind.Html:
                    Add(target, name, typeof(StringGraphType), description + "（HTML，已净化）",
                        c => FieldValues.Text(Value(c)) is { } html ? MarkdownRenderer.SanitizeHtml(html) : null);
                    break;
                case FieldKind.Date:
                    Add(target, name, typeof(DateOnlyGraphType), description, c => FieldValues.Date(Value(c)));
                    break;
                case FieldKind.Number:
                    Add(target, name, typeof(DecimalGraphType), description, c => FieldValues.Number(Value(c)));
                    break;
                case FieldKind.Boolean:
                    Add(target, name, typeof(BooleanGraphType), description, c => FieldValues.Boolean(Value(c)));
                    break;
                case FieldKind.Choice when field.Multiple:
                    Add(target, name, typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>), description, c => FieldValues.Texts(Value(c)));
                    break;
                case FieldKind.Link:
                    Add(target, name, typeof(LinkGraphType), description, c => FieldValues.Link(Value(c)));
                    break;
                case FieldKind.Media when field.Multiple:
                    Add(target, name, typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MediaFileGraphType>>>), description,
                        c => FieldValues.Media(nodeOf(c.Source).Summary.Id, Value(c)));
                    break;
                case FieldKind.Media:
                    Add(target, name, typeof(MediaFileGraphType), description,
                        c => FieldValues.Media(nodeOf(c.Source).Summary.Id, Value(c)) is [var first, ..] ? first : null);
                    break;
                case FieldKind.Table:
                    Add(target, name, typeof(TableGraphType), description, c => FieldValues.Table(field, Value(c)));
                    break;
                case FieldKind.ContentPicker:
                    AddPicker(target, name, field, description, taken, Value);
                    break;
                default: // Text, a single Choice, and any kind added later: its text
                    Add(target, name, typeof(StringGraphType), description, c => FieldValues.Text(Value(c)));
                    break;
            }
        }
    }

    private static void AddPicker(IComplexGraphType target, string name, ContentFieldDefinition field, string description, ISet<string> taken, Func<IResolveFieldContext, JsonNode?> value)
    {
        if (field.Multiple)
        {
            Add(target, name, typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>), description + "（内容编号）", c => FieldValues.Texts(value(c)));
        }
        else
        {
            // A single picker is stored as a list of one, as the editor writes every picker.
            Add(target, name, typeof(IdGraphType), description + "（内容编号）", c => FieldValues.Texts(value(c)) is [var id, ..] ? id : null);
        }

        // The picked items themselves, as the public sees them: one that is not public (a draft, a withdrawn item) is left out.
        target.AddField(new GraphQLFieldType
        {
            Name = GraphQLNames.Claim(taken, name + "Items"),
            Description = description + "（已发布的关联内容）",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(ContentItemTypes.InterfaceName)))),
            Resolver = new FuncFieldResolver<object>(async c =>
            {
                var ids = FieldValues.Texts(value(c));
                return ids.Count == 0 ? Array.Empty<ContentNode>() : await c.RequestServices!.GetRequiredService<ContentReader>().PublishedByIdsAsync(ids, c.CancellationToken);
            }),
        });
    }

    private static void Add(IComplexGraphType target, string name, Type graphType, string description, Func<IResolveFieldContext, object?> resolve) =>
        target.AddField(new GraphQLFieldType { Name = name, Type = graphType, Description = description, Resolver = new FuncFieldResolver<object>(resolve) });
}
