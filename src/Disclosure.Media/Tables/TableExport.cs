using Disclosure.Core.Tables;

namespace Disclosure.Media.Tables;

/// <summary>
/// The one way an export is written: a header row and data rows as CSV (<see cref="CsvTableWriter"/>: UTF-8 with BOM,
/// CRLF, formula-safe) or as one XLSX worksheet (<see cref="XlsxTableWriter"/>: inline text cells).
/// </summary>
public static class TableExport
{
    /// <summary>Streams the table to <paramref name="output"/>; XLSX needs a seekable stream (a temporary file).</summary>
    public static async Task WriteAsync(Stream output, TableFormat format, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<string?[]> rows, CancellationToken cancellationToken = default)
    {
        if (format == TableFormat.Xlsx)
        {
            await XlsxTableWriter.WriteAsync(output, sheetName, headers, rows, cancellationToken);
            return;
        }

        await using var text = new StreamWriter(output, CsvTableWriter.Utf8WithBom, 64 * 1024, leaveOpen: true);
        var writer = new CsvTableWriter(text);
        writer.WriteRow(headers);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            writer.WriteRow(row);
        }
    }

    /// <summary>The whole file in memory, for an export of a page's worth of rows.</summary>
    public static async Task<byte[]> ToBytesAsync(TableFormat format, string sheetName, IReadOnlyList<string> headers, IEnumerable<string?[]> rows, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, format, sheetName, headers, rows.ToAsyncEnumerable(), cancellationToken);
        return buffer.ToArray();
    }
}
