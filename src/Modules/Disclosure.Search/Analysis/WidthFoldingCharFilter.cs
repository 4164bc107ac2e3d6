using Lucene.Net.Analysis;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Applies <see cref="WidthFolding"/> before tokenisation, so the tokenizer sees ＡＢＣ１２３ as the Latin word
/// and digit run it is. The mapping is one character to one, hence <see cref="Correct"/> is the identity.
/// </summary>
internal sealed class WidthFoldingCharFilter(TextReader input) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : WidthFolding.Fold((char)c);
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            WidthFolding.FoldInPlace(buffer.AsSpan(index, read));
        }

        return read;
    }
}
