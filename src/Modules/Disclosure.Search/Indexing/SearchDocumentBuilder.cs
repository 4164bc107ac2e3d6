using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Search.Identifiers;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using FieldType = Disclosure.Core.ContentManagement.Metadata.FieldType;

namespace Disclosure.Search.Indexing;

/// <summary>
/// Builds the Lucene document of a published version. Which fields are searchable text follows the content type
/// definition (every Text, Markdown, Html, Choice and Table field of every part), so a new type declared in a
/// recipe is searchable without code here; only the built-in parts with a special role (标题, 正文, the 目录
/// metadata codes) are named.
/// </summary>
public static class SearchDocumentBuilder
{
    /// <summary>Metadata fields that are not text to search: codes (indexed as keywords) and the same few words on every item.</summary>
    private static readonly HashSet<string> MetadataNotText =
    [
        DisclosureMetadataPart.Catalogue,   // a code; filtered as a keyword, its name goes into the text
        DisclosureMetadataPart.Agency,      // a code; likewise
        DisclosureMetadataPart.Attribute,   // 主动公开 on nearly every item
        DisclosureMetadataPart.Channels,    // 政府网站 / 微信公众号 on nearly every item
        DisclosureMetadataPart.DocumentNumber, // added once below, with its key
    ];

    /// <summary>
    /// 标题, 正文 and the other text: analysed, stored, and with the character offsets of every token in the postings,
    /// from which the highlighter marks the matches without analysing the text again.
    /// </summary>
    internal static readonly Lucene.Net.Documents.FieldType HighlightedText = WithOffsets();

    public static Document Build(IndexableContent content, SearchLabels labels)
    {
        var data = content.Data;
        var document = new Document
        {
            new StringField(SearchFields.Id, content.Id, Field.Store.YES),
            new StringField(SearchFields.ContentType, content.Type.Name, Field.Store.YES),
            new SortedDocValuesField(SearchFields.ContentType, new BytesRef(content.Type.Name)),
            new Field(SearchFields.Title, content.Title, HighlightedText),
        };

        var catalogue = data.Catalogue;
        if (!string.IsNullOrWhiteSpace(catalogue))
        {
            document.Add(new StoredField(SearchFields.OwnCatalogue, catalogue));
            foreach (var code in CatalogueCodes.SelfAndAncestors(catalogue))
            {
                document.Add(new StringField(SearchFields.Catalogue, code, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(SearchFields.Catalogue, new BytesRef(code)));
            }
        }

        var agency = data.Agency;
        if (!string.IsNullOrWhiteSpace(agency))
        {
            document.Add(new StringField(SearchFields.Agency, agency, Field.Store.YES));
            document.Add(new SortedDocValuesField(SearchFields.Agency, new BytesRef(agency)));
        }

        var year = ChinaTime.ToDate(content.PublishedUtc).Year;
        document.Add(new StringField(SearchFields.Year, year.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        document.Add(new NumericDocValuesField(SearchFields.Year, year));
        document.Add(new NumericDocValuesField(SearchFields.Published, content.PublishedUtc.Ticks));
        document.Add(new StoredField(SearchFields.Published, content.PublishedUtc.Ticks));

        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(content.IndexNumber))
        {
            document.Add(new StoredField(SearchFields.IndexNumber, content.IndexNumber));
            document.Add(new StringField(SearchFields.IndexNumberKey, IdentifierNormalizer.Normalize(content.IndexNumber), Field.Store.NO));
            Append(text, content.IndexNumber);
        }

        var documentNumber = data.DocumentNumber?.Trim();
        if (!string.IsNullOrEmpty(documentNumber))
        {
            document.Add(new StoredField(SearchFields.DocumentNumber, documentNumber));
            document.Add(new StringField(SearchFields.DocumentNumberKey, IdentifierNormalizer.Normalize(documentNumber), Field.Store.NO));
            Append(text, documentNumber);
        }

        if (agency is not null && labels.Agencies.TryGetValue(agency, out var agencyName))
        {
            Append(text, agencyName);
        }

        if (catalogue is not null && labels.Catalogue.TryGetValue(catalogue, out var catalogueName))
        {
            Append(text, catalogueName);
        }

        var body = string.Empty;
        foreach (var part in content.Type.AllParts())
        {
            foreach (var field in part.Fields)
            {
                if (part.Name == BuiltInParts.TitlePart && field.Name == BuiltInParts.TitleField)
                {
                    continue;
                }

                if (part.Name == BuiltInParts.BodyPart && field.Name == BuiltInParts.BodyField)
                {
                    body = PlainText.FromMarkdown(data.GetString(part.Name, field.Name));
                    continue;
                }

                if (part.Name == DisclosureMetadataPart.PartName && MetadataNotText.Contains(field.Name))
                {
                    continue;
                }

                Append(text, TextOf(field, data.Get(part.Name, field.Name)));
            }
        }

        var otherText = text.ToString();
        document.Add(new Field(SearchFields.Body, body, HighlightedText));
        document.Add(new Field(SearchFields.Text, otherText, HighlightedText));
        // The same texts once more as words; the line breaks keep a word from spanning two of them.
        document.Add(new TextField(SearchFields.Words, string.Join('\n', content.Title, body, otherText), Field.Store.NO));
        return document;
    }

    private static Lucene.Net.Documents.FieldType WithOffsets()
    {
        var type = new Lucene.Net.Documents.FieldType(TextField.TYPE_STORED)
        {
            IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>The searchable text of one field value, by the field's declared type; empty for non-text types.</summary>
    internal static string? TextOf(ContentFieldDefinition field, JsonNode? value) => (field.Type, value) switch
    {
        (_, null) => null,
        (FieldType.Text, JsonValue v) => v.TryGetValue<string>(out var s) ? s : null,
        (FieldType.Markdown, JsonValue v) => v.TryGetValue<string>(out var s) ? PlainText.FromMarkdown(s) : null,
        (FieldType.Html, JsonValue v) => v.TryGetValue<string>(out var s) ? PlainText.FromHtml(s) : null,
        (FieldType.Choice, JsonValue v) => v.TryGetValue<string>(out var s) ? s : null,
        (FieldType.Choice, JsonArray a) => string.Join(' ', a.OfType<JsonValue>().Select(x => x.TryGetValue<string>(out var s) ? s : null)),
        (FieldType.Table, JsonObject t) when t["rows"] is JsonArray rows => string.Join('\n', rows.OfType<JsonArray>()
            .Select(row => string.Join(' ', row.OfType<JsonValue>().Select(cell => cell.TryGetValue<string>(out var s) ? s : cell.ToJsonString())))),
        // Numbers, dates, booleans, links, media and references are not words to search for.
        _ => null,
    };

    private static void Append(StringBuilder text, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // A line break between values: the bigram filter never pairs characters across it, so the last character of
        // one value and the first of the next do not make a bigram that exists in neither.
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(value.Trim());
    }
}

/// <summary>目录分类 codes are dotted paths (06.03 is under 06); a filter on a class includes the classes below it.</summary>
public static class CatalogueCodes
{
    public static IEnumerable<string> SelfAndAncestors(string code)
    {
        code = code.Trim();
        for (var dot = code.IndexOf('.'); dot >= 0; dot = code.IndexOf('.', dot + 1))
        {
            yield return code[..dot];
        }

        yield return code;
    }
}
