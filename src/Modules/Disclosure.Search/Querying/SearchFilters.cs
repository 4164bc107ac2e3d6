namespace Disclosure.Search.Querying;

/// <summary>Filters on the keyword fields. A 目录分类 code matches that class and every class below it.</summary>
/// <summary><see cref="Scope"/> (null: every agency) limits every count and result to those agencies' items.</summary>
public sealed record SearchFilters(string? ContentType = null, string? Catalogue = null, string? Agency = null, int? Year = null, IReadOnlyCollection<string>? Scope = null)
{
    public bool IsEmpty => ContentType is null && Catalogue is null && Agency is null && Year is null && Scope is null;
}
