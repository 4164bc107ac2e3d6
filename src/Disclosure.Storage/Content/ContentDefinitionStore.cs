using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Content;

/// <summary>Reads and writes content type definitions (kept as JSON, like Orchard's content definition store).</summary>
public sealed class ContentDefinitionStore(DisclosureDbContext db)
{
    /// <summary>The JSON shape of what is stored as JSON: content type definitions, and the review chains of the Contents module.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Dictionary<string, ContentTypeDefinition>? _cache;

    public async Task<IReadOnlyDictionary<string, ContentTypeDefinition>> GetTypesAsync(CancellationToken cancellationToken = default)
    {
        if (_cache is null)
        {
            var records = await db.ContentTypes.AsNoTracking().ToListAsync(cancellationToken);
            _cache = records.ToDictionary(r => r.Name, Deserialize);
        }

        return _cache;
    }

    public async Task<ContentTypeDefinition?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetTypesAsync(cancellationToken)).GetValueOrDefault(name);

    public static string Serialize(ContentTypeDefinition definition) => JsonSerializer.Serialize(definition, JsonOptions);

    public static ContentTypeDefinition Deserialize(ContentTypeRecord record) =>
        JsonSerializer.Deserialize<ContentTypeDefinition>(record.DefinitionJson, JsonOptions)
        ?? throw new InvalidOperationException($"Content type {record.Name} has an empty definition.");

    internal void Invalidate() => _cache = null;
}
