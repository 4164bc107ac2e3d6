using Lucene.Net.Analysis;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Applies <see cref="WidthFolding"/> (ＡＢＣ１２３ → ABC123, so the tokenizer sees the Latin word and digit run it
/// is) and <see cref="ScriptFolding"/> (繁 → 简) before tokenisation, at index and query time alike. Both map one
/// character to one, hence <see cref="Correct"/> is the identity and offsets point into the text as written.
/// </summary>
internal sealed class FoldingCharFilter(TextReader input) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : ScriptFolding.Fold(WidthFolding.Fold((char)c));
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            var span = buffer.AsSpan(index, read);
            WidthFolding.FoldInPlace(span);
            ScriptFolding.FoldInPlace(span);
        }

        return read;
    }
}
