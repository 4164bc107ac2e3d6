using System.Text;
using System.Text.Json;

namespace Disclosure.GraphQL.Schema;

/// <summary>
/// How names in recipes become GraphQL names. Recipes already restrict type and field names to
/// <c>^[A-Z][A-Za-z0-9]{0,63}$</c>, which GraphQL accepts, so the rule is short and stable:
/// <list type="bullet">
/// <item>a content type keeps its name (<c>RegulatoryDocument</c>); if it equals one of the schema's own type names
/// (<c>Query</c>, <c>ContentItem</c>, <c>Link</c> …) it gets the suffix <c>Content</c> (<c>LinkContent</c>);</item>
/// <item>a part or field is camelCased (<c>DocumentKind</c> → <c>documentKind</c>, <c>DisclosureMetadataPart</c> →
/// <c>disclosureMetadataPart</c>); a field that would take a name the type already has (the metadata's <c>title</c>,
/// <c>url</c> …) gets the suffix <c>Field</c> (<c>urlField</c>);</item>
/// <item>any character GraphQL does not accept (only possible in a definition written to the database by hand) becomes
/// <c>_</c>, and a name starting with a digit is prefixed with <c>_</c>.</item>
/// </list>
/// </summary>
public static class GraphQLNames
{
    public static string TypeName(string contentType, IReadOnlySet<string> reserved)
    {
        var name = Sanitize(contentType);
        return reserved.Contains(name) || name.StartsWith("__", StringComparison.Ordinal) ? name + "Content" : name;
    }

    public static string FieldName(string name) => Sanitize(JsonNamingPolicy.CamelCase.ConvertName(name));

    /// <summary>Claims <paramref name="name"/> within a type, suffixing <c>Field</c> (then a number) while it is taken.</summary>
    public static string Claim(ISet<string> taken, string name)
    {
        var candidate = taken.Contains(name) ? name + "Field" : name;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{name}Field{n}";
        }

        taken.Add(candidate);
        return candidate;
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
