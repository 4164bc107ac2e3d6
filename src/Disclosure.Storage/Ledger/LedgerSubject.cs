namespace Disclosure.Storage.Ledger;

/// <summary>What a 台账 entry is about, as a person reads it: a title, and the admin page it opens (null when none).</summary>
public sealed record LedgerSubject(string Title, string? Href)
{
    public static readonly LedgerSubject None = new(string.Empty, null);
}
