using System.Text;
using Disclosure.Core.Text;

namespace Disclosure.Core.Tables;

/// <summary>
/// Reads CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, "" for a
/// quote) one row at a time from a <see cref="TextReader"/>, so memory does not grow with the file. Tolerant the
/// way Excel is: CRLF, LF or CR line ends, a stray quote inside an unquoted field kept as text. A cell that an
/// export protected against formula injection (<c>'=…</c>) is read back without the protecting apostrophe.
/// </summary>
public sealed class CsvTableReader(TextReader reader) : ITableReader
{
    /// <summary>Excel's own limit for one cell; anything longer is not a table an office made by hand.</summary>
    public const int MaxCellLength = 32_767;

    public const int MaxCells = 1_000;

    private bool _read;

    /// <summary>Opens a CSV file, detecting UTF-8 or GB18030 (see <see cref="TextFileEncoding"/>).</summary>
    public static CsvTableReader Open(Stream stream, bool leaveOpen = false) => new(TextFileEncoding.OpenReader(stream, leaveOpen));

    public IEnumerable<TableRow> Rows()
    {
        if (_read)
        {
            throw new InvalidOperationException("A table reader streams its rows once; open the file again to read it again.");
        }

        _read = true;
        return Read();
    }

    private IEnumerable<TableRow> Read()
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var number = 1;
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field was quoted (its quotes are closed)
        var rowHasData = false;  // anything at all since the row began, so an empty last line adds no row
        var pendingCr = false;
        var buffer = new char[16 * 1024];
        int length;
        while ((length = ReadBlock(buffer, number)) > 0)
        {
            for (var i = 0; i < length; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        continue; // the LF of a CRLF
                    }
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        // A quote ends the field unless the next character is another quote (an escaped "").
                        if (i + 1 < length)
                        {
                            if (buffer[i + 1] == '"')
                            {
                                Append(cell, '"', number);
                                i++;
                                continue;
                            }
                        }
                        else if (reader.Peek() == '"')
                        {
                            reader.Read();
                            Append(cell, '"', number);
                            continue;
                        }

                        quoted = false;
                        wasQuoted = true;
                    }
                    else
                    {
                        Append(cell, c, number);
                    }

                    continue;
                }

                switch (c)
                {
                    case ',':
                        EndCell(cells, cell, wasQuoted, number);
                        wasQuoted = false;
                        rowHasData = true;
                        break;
                    case '\r' or '\n':
                        pendingCr = c == '\r';
                        if (rowHasData || cell.Length > 0 || wasQuoted)
                        {
                            EndCell(cells, cell, wasQuoted, number);
                        }

                        yield return new TableRow(number++, cells.ToArray());
                        cells.Clear();
                        wasQuoted = false;
                        rowHasData = false;
                        break;
                    case '"' when cell.Length == 0 && !wasQuoted:
                        quoted = true;
                        rowHasData = true;
                        break;
                    default:
                        Append(cell, c, number);
                        rowHasData = true;
                        break;
                }
            }
        }

        if (quoted)
        {
            throw new TableFormatException($"第 {number} 行：引号没有闭合，文件可能被截断或不是规范的 CSV 文件。", number);
        }

        if (rowHasData || cell.Length > 0 || wasQuoted)
        {
            EndCell(cells, cell, wasQuoted, number);
            yield return new TableRow(number, cells.ToArray());
        }
    }

    private int ReadBlock(char[] buffer, int row)
    {
        try
        {
            return reader.Read(buffer, 0, buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new TableFormatException($"第 {row} 行附近有无法识别的字符：文件既不是 UTF-8 也不是 GB18030 编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传。", row);
        }
    }

    private static void Append(StringBuilder cell, char c, int row)
    {
        if (cell.Length >= MaxCellLength)
        {
            throw new TableFormatException($"第 {row} 行有单元格超过 {MaxCellLength} 个字符，文件可能不是规范的 CSV 文件（例如引号没有成对）。", row);
        }

        cell.Append(c);
    }

    private static void EndCell(List<string> cells, StringBuilder cell, bool wasQuoted, int row)
    {
        if (cells.Count >= MaxCells)
        {
            throw new TableFormatException($"第 {row} 行超过 {MaxCells} 列。", row);
        }

        var text = cell.ToString();
        cells.Add(wasQuoted ? CsvTableWriter.Unprotect(text) : CsvTableWriter.Unprotect(text.Trim()));
        cell.Clear();
    }

    public void Dispose() => reader.Dispose();
}
