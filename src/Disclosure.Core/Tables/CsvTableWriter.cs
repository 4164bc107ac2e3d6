using System.Text;

namespace Disclosure.Core.Tables;

/// <summary>
/// Writes CSV rows (RFC 4180 quoting, CRLF). Use a UTF-8 encoding with a byte-order mark (<see cref="Utf8WithBom"/>)
/// so Excel opens Chinese text correctly. A cell starting with = + - @ is prefixed with an apostrophe so a
/// spreadsheet never runs it as a formula; <see cref="CsvTableReader"/> takes the apostrophe off again. A cell is
/// quoted when it needs to be, or always with <paramref name="quoteEveryCell"/> (the 申请登记簿, whose free text is
/// an applicant's). This is the one CSV writer; <c>TableExport</c> (Disclosure.Media) writes CSV or XLSX through it.
/// </summary>
public sealed class CsvTableWriter(TextWriter writer, bool quoteEveryCell = false) : IDisposable
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// A whole table as the bytes of a CSV file, UTF-8 with BOM unless <paramref name="encoding"/> says otherwise (a
    /// GB 18030 file in a test): for an export small enough to hold in memory.
    /// </summary>
    public static byte[] ToBytes(IEnumerable<IEnumerable<string?>> rows, bool quoteEveryCell = false, Encoding? encoding = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new CsvTableWriter(new StreamWriter(buffer, encoding ?? Utf8WithBom, leaveOpen: true), quoteEveryCell))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return buffer.ToArray();
    }

    public void WriteRow(IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var value = Protect(cell ?? string.Empty);
            if (quoteEveryCell || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))))
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Write("\r\n");
    }

    public void Dispose() => writer.Dispose();

    internal static string Protect(string value) =>
        value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value;

    internal static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@';
}
