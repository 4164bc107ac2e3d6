using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Media.Tables;

/// <summary>
/// Writes one worksheet of text cells with <see cref="OpenXmlWriter"/>, row by row, so an export of 100,000 records
/// never builds the sheet in memory. Cells are inline strings: no shared-string table to hold, nothing a
/// spreadsheet evaluates as a formula, and every value (codes, leading zeros, 2099-12-31) kept exactly as text.
/// The package needs a seekable stream (a temporary file).
/// </summary>
public static class XlsxTableWriter
{
    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<string?[]> rows, CancellationToken cancellationToken = default)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint number = 1;
            WriteRow(writer, number, headers);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(writer, ++number, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    public static Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<string?[]> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(output, sheetName, headers, rows.ToAsyncEnumerable(), cancellationToken);

    private static void WriteRow(OpenXmlWriter writer, uint number, IReadOnlyList<string?> values)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
            {
                continue;
            }

            writer.WriteElement(new Cell
            {
                CellReference = ColumnName(i) + number,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(XmlSafe(values[i]!)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        writer.WriteEndElement();
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Control characters other than tab and line breaks cannot be written to XML at all.</summary>
    private static string XmlSafe(string value)
    {
        if (!value.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Where(c => c >= ' ' || c is '\t' or '\n' or '\r'))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
