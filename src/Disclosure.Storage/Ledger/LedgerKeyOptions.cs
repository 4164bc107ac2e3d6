namespace Disclosure.Storage.Ledger;

/// <summary>
/// Where the 台账 keys come from. Bound from the "Ledger" configuration section. The keys are never stored in the
/// database: whoever can only write the database cannot compute a valid MAC.
/// </summary>
public sealed class LedgerKeyOptions
{
    public const string SectionName = "Ledger";

    /// <summary>The folder of <c>ledger-&lt;id&gt;.key</c> files; default <c>keys</c> under <c>Storage:DataFolder</c>.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>Keys given by configuration or environment (<c>Ledger__Keys__2</c>): id → base64 of at least 32 bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key new entries are MACed with; default the highest key id known (numbers compare as numbers).</summary>
    public string? CurrentKeyId { get; set; }
}
