namespace Disclosure.Search.Suggestions;

/// <summary>
/// Which agencies' items a request to the search API may suggest (集约化): on an agency's site (<c>/a/{code}/…</c> or its
/// host name) its own (本级) unless <c>reach</c> asks for 含下级 or 全部, as its search page does. The public site module
/// provides it; without one (a tool, a test of this module alone) every agency's items are suggested.
/// </summary>
public interface ISearchSiteScope
{
    Task<SearchSiteScope> ResolveAsync(string? reach, CancellationToken cancellationToken);
}

/// <summary>The agencies (null: every agency), or the zh-CN reason <c>reach</c> was refused.</summary>
public sealed record SearchSiteScope(IReadOnlyCollection<string>? Agencies, string? Error = null)
{
    public static readonly SearchSiteScope Everything = new(Agencies: null);
}
