using Lucene.Net.Analysis;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Applies <see cref="TextFolding"/> before tokenisation — ＡＢＣ１２３ → ABC123, so the tokenizer sees the Latin word
/// and digit run it is, and 繁 → 简 — at index and query time alike. It maps one character to one, hence
/// <see cref="Correct"/> is the identity and offsets point into the text as written.
/// </summary>
internal sealed class FoldingCharFilter(TextReader input) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : TextFolding.Fold((char)c);
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            TextFolding.FoldInPlace(buffer.AsSpan(index, read));
        }

        return read;
    }
}
