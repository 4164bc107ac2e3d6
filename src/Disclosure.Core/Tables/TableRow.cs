namespace Disclosure.Core.Tables;

/// <summary>
/// One row of an imported table. <see cref="Number"/> is the row as the office sees it in Excel: the header is
/// row 1, the first data row row 2 (a CSV cell spanning lines still counts as one row).
/// </summary>
public sealed record TableRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at a column, or empty when the row is shorter (spreadsheets drop trailing blanks).</summary>
    public string this[int column] => column < Cells.Count ? Cells[column] : string.Empty;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
