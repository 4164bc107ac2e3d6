using System.Text;

namespace Disclosure.Core.Text;

/// <summary>
/// GB18030, the encoding of plain-text files saved by Chinese Windows (“ANSI” there). .NET ships it only through
/// <see cref="CodePagesEncodingProvider"/>, which is registered once here before the encoding is first asked for.
/// Shared by attachment text extraction (Media) and table imports (CSV files saved from Excel).
/// </summary>
public static class Gb18030
{
    private const int CodePage = 54936;

    static Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Strict = Encoding.GetEncoding(CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        Lenient = Encoding.GetEncoding(CodePage);
    }

    /// <summary>Throws on byte sequences that are not GB18030: for deciding whether a file is GB18030 text at all.</summary>
    public static Encoding Strict { get; }

    /// <summary>Replaces bad sequences: for reading text out of a file already accepted.</summary>
    public static Encoding Lenient { get; }
}
