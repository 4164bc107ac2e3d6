using System.Text;
using System.Text.Unicode;

namespace Disclosure.Core.Text;

/// <summary>
/// Which encoding a text file an office uploads is in. Excel on Chinese Windows saves "CSV" as GB18030 and "CSV
/// UTF-8" with a byte-order mark; other tools write UTF-8 without one. A file that is valid UTF-8 is read as
/// UTF-8, anything else as GB18030 (every byte sequence GB18030 accepts that is also valid UTF-8 is far likelier
/// to be UTF-8). Both decoders are strict, so a file that is neither fails loudly instead of importing mojibake.
/// </summary>
public static class TextFileEncoding
{
    /// <summary>How much of the file is looked at; the rest is checked while it is read.</summary>
    public const int SampleBytes = 64 * 1024;

    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="head">The first bytes of the file.</param>
    /// <param name="complete">Whether <paramref name="head"/> is the whole file (so a cut-off character is an error, not the sample's end).</param>
    public static Encoding Detect(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            return StrictUtf8;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        // The sample may end inside a multi-byte character: allow up to three bytes to be cut off.
        for (var cut = 0; cut <= (complete ? 0 : Math.Min(3, head.Length)); cut++)
        {
            if (Utf8.IsValid(head[..^cut]))
            {
                return StrictUtf8;
            }
        }

        return Gb18030.Strict;
    }

    /// <summary>A reader over a seekable stream in its detected encoding, positioned at the start (after any BOM).</summary>
    public static StreamReader OpenReader(Stream stream, bool leaveOpen = false)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable to detect its encoding.", nameof(stream));
        }

        var start = stream.Position;
        var buffer = new byte[SampleBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        var encoding = Detect(buffer.AsSpan(0, read), complete: read < buffer.Length);
        stream.Position = start;
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: leaveOpen);
    }
}
