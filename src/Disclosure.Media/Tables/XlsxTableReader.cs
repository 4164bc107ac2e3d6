using System.Globalization;
using System.Text;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Media.Tables;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook row by row with <see cref="OpenXmlReader"/> (SAX style): the sheet
/// is never loaded as a DOM, shared strings go to a temporary file (<see cref="SharedStringSpill"/>), and only the
/// small styles part is loaded, to tell date cells from number cells. Dates come out as YYYY-MM-DD and numbers in
/// invariant notation with at most 15 significant digits, so Excel's binary floating point (0.05 stored as
/// 5.0000000000000003E-2) reads as the number the office typed.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly Stream? _ownedStream;
    private readonly HashSet<uint> _dateStyles;
    private SharedStringSpill? _strings;
    private bool _read;

    private XlsxTableReader(SpreadsheetDocument document, Stream? ownedStream)
    {
        _document = document;
        _ownedStream = ownedStream;
        _dateStyles = DateStyles(document.WorkbookPart?.WorkbookStylesPart);
    }

    /// <summary>Opens a workbook from a seekable stream (a saved upload); a file that is not one is a <see cref="TableFormatException"/>.</summary>
    public static XlsxTableReader Open(Stream stream, bool leaveOpen = false)
    {
        try
        {
            return new XlsxTableReader(SpreadsheetDocument.Open(stream, isEditable: false), leaveOpen ? null : stream);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw new TableFormatException("文件不是有效的 Excel 工作簿（.xlsx）。旧版 .xls 文件请在 Excel 中另存为 .xlsx 后上传。");
        }
    }

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
        var workbook = _document.WorkbookPart ?? throw new TableFormatException("工作簿中没有工作表。");
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new TableFormatException("工作簿中没有工作表。");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        if (workbook.SharedStringTablePart is { } sst)
        {
            SpillSharedStrings(sst);
        }

        using var reader = OpenXmlReader.Create(part);
        var lastRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var number = Attribute(reader, "r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : lastRow + 1;
            lastRow = number;
            yield return new TableRow(number, ReadCells(reader));
        }
    }

    /// <summary>The cells of the row the reader is on, placed by their references (a blank cell is simply absent in the file).</summary>
    private List<string> ReadCells(OpenXmlReader reader)
    {
        var cells = new List<string>();
        string? type = null, style = null, reference = null;
        var value = new StringBuilder();
        var inCell = false;
        var inPhonetic = 0;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(Row) && reader.IsEndElement)
            {
                break;
            }

            if (element == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    (inCell, type, style, reference) = (true, Attribute(reader, "t"), Attribute(reader, "s"), Attribute(reader, "r"));
                    value.Clear();
                }
                else
                {
                    var column = reference is null ? cells.Count : ColumnIndex(reference);
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    var text = CellText(type, style, value.ToString());
                    if (column < cells.Count)
                    {
                        cells[column] = text;
                    }
                    else
                    {
                        cells.Add(text);
                    }

                    inCell = false;
                }
            }
            else if (element == typeof(PhoneticRun))
            {
                inPhonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (inCell && inPhonetic == 0 && (element == typeof(CellValue) || element == typeof(Text)) && reader.IsStartElement)
            {
                value.Append(reader.GetText());
            }
        }

        return cells;
    }

    private string CellText(string? type, string? style, string raw) => type switch
    {
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? _strings?[index] ?? string.Empty : string.Empty,
        "inlineStr" or "str" or "e" => raw,
        "b" => raw == "1" ? "TRUE" : "FALSE",
        "d" => raw.Length >= 10 ? raw[..10] : raw,
        _ => Number(raw, style),
    };

    private string Number(string raw, string? style)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (style is not null && uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && _dateStyles.Contains(s)
            && number is >= 1 and < 2958466)
        {
            return DateText.Date(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))));
        }

        return decimal.TryParse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : raw;
    }

    private void SpillSharedStrings(SharedStringTablePart part)
    {
        var strings = _strings = new SharedStringSpill();
        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var inItem = false;
        var inPhonetic = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    inItem = true;
                    text.Clear();
                }
                else
                {
                    strings.Add(text.ToString());
                    inItem = false;
                }
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                inPhonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (inItem && inPhonetic == 0 && reader.ElementType == typeof(Text) && reader.IsStartElement)
            {
                text.Append(reader.GetText());
            }
        }
    }

    /// <summary>The cell styles whose number format shows a date: the built-in date formats (including the CJK ones) and custom ones with y, m or d.</summary>
    private static HashSet<uint> DateStyles(WorkbookStylesPart? styles)
    {
        var result = new HashSet<uint>();
        var stylesheet = styles?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var customDates = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 || customDates.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        // Drop quoted literals and [colour]/[locale] sections before looking for date letters.
        var plain = new StringBuilder();
        var (quoted, bracketed) = (false, false);
        foreach (var c in code)
        {
            if (c == '"' && !bracketed)
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or ']')
            {
                bracketed = c == '[';
            }
            else if (!quoted && !bracketed)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString();
        return text.Contains('y') || text.Contains('d') || (text.Contains('m') && !text.Contains('h') && !text.Contains('s'));
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The zero-based column of a reference such as AB12.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, column - 1);
    }

    public void Dispose()
    {
        _document.Dispose();
        _strings?.Dispose();
        _ownedStream?.Dispose();
    }
}
