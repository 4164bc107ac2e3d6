using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Search.Tests.Relevance;

/// <summary>
/// One judged query from <c>judgements.json</c>: what a user typed, and the documents that user wants — the best
/// answers in <see cref="Top3"/> (gain 2, each should be among the first three hits) and the other good answers in
/// <see cref="Top10"/> (gain 1, each should be on the first page of ten). Judged from the documents' text, never from
/// what the engine returned.
/// </summary>
public sealed record JudgedQuery
{
    public const int Top3Gain = 2;
    public const int Top10Gain = 1;

    public required string Category { get; init; }

    /// <summary><c>demo</c> (the default) or <c>generated</c>: the corpus the query runs on.</summary>
    public string Corpus { get; init; } = "demo";

    /// <summary>
    /// The query as typed. In a demo query <c>{索引号:id}</c> stands for the 索引号 the demo item <c>id</c> was
    /// published under (assigned at import, so not in the content files); <c>{索引号:id:全角}</c> is the same typed in
    /// full-width characters, <c>{索引号:id:破折号}</c> with its hyphens typed as em dashes.
    /// </summary>
    public required string Query { get; init; }

    /// <summary>
    /// Documents: a demo item's id, or in the generated corpus <c>文号:…</c>, <c>索引号:…</c> or <c>标题:…</c>, meaning
    /// every generated item with exactly that 文号, 索引号 or title (so a judgement survives a change to the generator
    /// as long as such an item still exists, and fails loudly when none does).
    /// </summary>
    public IReadOnlyList<string> Top3 { get; init; } = [];

    public IReadOnlyList<string> Top10 { get; init; } = [];

    /// <summary>Why these documents: what in their text makes them the answer.</summary>
    public string? Why { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    public static IReadOnlyList<JudgedQuery> All { get; } = Load();

    private static List<JudgedQuery> Load()
    {
        var file = Path.Combine(RepositoryPaths.Root, "tests", "Disclosure.Search.Tests", "Relevance", "judgements.json");
        return JsonSerializer.Deserialize<JudgementFile>(File.ReadAllText(file), Options)!.Queries.ToList();
    }

    private sealed record JudgementFile([property: JsonPropertyName("queries")] IReadOnlyList<JudgedQuery> Queries);
}
