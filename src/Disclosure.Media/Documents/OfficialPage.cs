using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Media.Documents;

/// <summary>
/// The page of an official document (党政机关公文格式, GB/T 9704): A4 portrait, margins 上37mm 下35mm 左28mm 右26mm,
/// a 28pt line grid (22 lines of 仿宋 三号). Shared by every DOCX the office sends out.
/// </summary>
public static class OfficialPage
{
    // Twentieths of a point: 1 mm = 56.7 twips.
    public const int Width = 11906, Height = 16838;
    public const int MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    public const int TextWidth = Width - MarginLeft - MarginRight;
    public const int LinePitch = 560;

    /// <summary>The section properties of that page; <paramref name="footerId"/> names a footer part when there is one.</summary>
    public static SectionProperties Section(string? footerId = null)
    {
        var section = new SectionProperties();
        if (footerId is not null)
        {
            section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        }

        section.Append(
            new PageSize { Width = Width, Height = Height },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 992, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });
        return section;
    }
}
