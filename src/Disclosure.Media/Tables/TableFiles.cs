using Disclosure.Core.Tables;

namespace Disclosure.Media.Tables;

/// <summary>Opens an uploaded table by what it is, not by what its name says.</summary>
public static class TableFiles
{
    /// <summary>XLSX is a ZIP package; anything else is taken for CSV text (its encoding is checked while reading).</summary>
    public static TableFormat Sniff(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 4 && head.SequenceEqual("PK\u0003\u0004"u8) ? TableFormat.Xlsx : TableFormat.Csv;
    }

    /// <summary>A reader over a seekable stream (a saved upload), in the format its bytes show; the reader owns the stream.</summary>
    public static ITableReader Open(Stream stream) =>
        Sniff(stream) == TableFormat.Xlsx ? XlsxTableReader.Open(stream) : CsvTableReader.Open(stream);

    public static ITableReader Open(string path) => Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024));
}
