using Disclosure.Core.Time;

namespace Disclosure.AnnualReports.Models;

/// <summary>
/// A whole report as the renderers (DOCX and HTML) draw it: the agency, the year, the office's text for sections
/// 一, 五 and 六 (paragraphs separated by blank lines), the figures with hand-entered cells filled in, and the date
/// the report is signed.
/// </summary>
public sealed record AnnualReportContent(
    string AgencyName,
    int Year,
    string Overview,
    string Problems,
    string Other,
    AnnualReportFigures Figures,
    DateOnly SignedOn)
{
    public string Title => AnnualReportFormat.Title(AgencyName, Year);

    public IReadOnlyList<ReportTable> Tables => ReportTables.Build(Figures);

    /// <summary>The 成文日期 line as official documents write it: 2026年1月20日.</summary>
    public string DateLine => DateText.Chinese(SignedOn);

    /// <summary>Paragraphs of a section's text: split on line breaks, blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
