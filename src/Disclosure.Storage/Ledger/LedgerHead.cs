using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Disclosure.Storage.Ledger;

/// <summary>
/// A point of the 台账 chain (链头): an entry's sequence and hash. Once published, the ledger must always still
/// contain that entry with that hash; anything else means it was truncated or rewritten.
/// </summary>
public sealed record LedgerHead(long Sequence, string Hash)
{
    /// <summary>The head of an empty ledger.</summary>
    public static LedgerHead Genesis { get; } = new(0, LedgerWriter.GenesisHash);

    /// <summary>Parses <c>&lt;sequence&gt;:&lt;hash&gt;</c>, as printed on the public heads page.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LedgerHead? head)
    {
        head = null;
        var parts = text?.Trim().Split(':');
        if (parts is not [var sequence, var hash]
            || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || hash.Length != 64
            || !hash.All(Uri.IsHexDigit))
        {
            return false;
        }

        head = new LedgerHead(number, hash.ToLowerInvariant());
        return true;
    }

    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";
}
