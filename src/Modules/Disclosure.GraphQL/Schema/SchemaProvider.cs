using System.Security.Cryptography;
using System.Text;
using Disclosure.Storage.Content;
using GraphQL.Types;

namespace Disclosure.GraphQL.Schema;

/// <summary>
/// The schema of the content definitions in the database now. Built once and kept while the definitions stay the same;
/// a recipe that adds or changes a content type changes their fingerprint, and the next request builds the schema
/// again — no restart, no code. Building takes milliseconds; the fingerprint check is one small hash per request.
/// </summary>
public sealed class SchemaProvider
{
    private readonly Lock _lock = new();
    private (string Fingerprint, ISchema Schema)? _current;

    public async Task<ISchema> GetAsync(ContentDefinitionStore definitions, CancellationToken cancellationToken)
    {
        var types = await definitions.GetTypesAsync(cancellationToken);
        var fingerprint = Fingerprint(types.Values.Select(ContentDefinitionStore.Serialize));
        if (_current is { } current && current.Fingerprint == fingerprint)
        {
            return current.Schema;
        }

        lock (_lock)
        {
            if (_current is not { } built || built.Fingerprint != fingerprint)
            {
                _current = (fingerprint, DisclosureSchemaFactory.Build(types));
            }

            return _current.Value.Schema;
        }
    }

    internal static string Fingerprint(IEnumerable<string> definitionsJson)
    {
        var builder = new StringBuilder();
        foreach (var json in definitionsJson.Order(StringComparer.Ordinal))
        {
            builder.Append(json).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
