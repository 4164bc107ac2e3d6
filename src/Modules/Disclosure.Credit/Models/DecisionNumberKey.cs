using System.Text;

namespace Disclosure.Credit.Models;

/// <summary>
/// The form of a 决定文书号 used to compare and look it up: full-width letters, digits and brackets folded to their
/// ASCII forms, every bracket kind (〔〕【】[]（）()［］) to [ ], spaces dropped, letters upper-case. So
/// 永公(治)行罚决字〔2026〕12号 and 永公（治）行罚决字[2026]12号 are one decision, in the duplicate check and in search.
/// </summary>
public static class DecisionNumberKey
{
    public static string Normalize(string number)
    {
        var folded = number.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            switch (c)
            {
                case '〔' or '【' or '[' or '(' or '［' or '〖' or '（':
                    builder.Append('[');
                    break;
                case '〕' or '】' or ']' or ')' or '］' or '〗' or '）':
                    builder.Append(']');
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        builder.Append(char.ToUpperInvariant(c));
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
