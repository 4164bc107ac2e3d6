namespace Disclosure.Storage.Reports;

/// <summary>
/// A module's contribution to the draft of the annual report's section 一、总体情况: a sentence of its own figures for
/// the year (政民互动's letters and reply satisfaction, say) under （五）监督保障. The annual report names no module; each
/// module that has something to report registers one of these.
/// </summary>
public interface IAnnualReportOverviewSource
{
    /// <summary>
    /// The sentence for <paramref name="agencyCode"/>'s report on <paramref name="year"/>, from that agency's own records
    /// only, in the report's register, or null when there is nothing to report.
    /// </summary>
    Task<string?> SupervisionSentenceAsync(string agencyCode, int year, CancellationToken cancellationToken);
}
