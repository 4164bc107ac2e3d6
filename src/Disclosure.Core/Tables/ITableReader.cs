namespace Disclosure.Core.Tables;

/// <summary>
/// A table read row by row (CSV or XLSX), the first row being the header. Implementations stream: a 100,000-row
/// file is never held in memory, so <see cref="Rows"/> can be enumerated only once per reader.
/// </summary>
public interface ITableReader : IDisposable
{
    /// <summary>Every row including the header, in order. Throws <see cref="TableFormatException"/> on a broken file.</summary>
    IEnumerable<TableRow> Rows();
}

/// <summary>The file itself cannot be read as a table (bad encoding, unterminated quote, not a workbook …).</summary>
public sealed class TableFormatException(string message, int? row = null) : Exception(message)
{
    /// <summary>The row where reading stopped, when known.</summary>
    public int? Row { get; } = row;
}
