using System.Text.Json.Nodes;
using Disclosure.AnnualReports.Documents;
using Disclosure.AnnualReports.Models;
using Disclosure.Media;
namespace Disclosure.AnnualReports.Admin;

/// <summary>The report's DOCX: its file name, and storing it in the media store as the content item's attachment.</summary>
public static class AnnualReportFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(AnnualReportContent report) => $"{report.Title}.docx";

    /// <summary>Writes the DOCX into the media store and returns the Media field value that attaches it.</summary>
    public static async Task<JsonObject> StoreAsync(MediaStore media, AnnualReportContent report, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(AnnualReportDocx.Write(report));
        var stored = await media.SaveAsync(stream, FileName(report), cancellationToken);
        return new JsonObject
        {
            ["path"] = stored.Path, ["name"] = stored.FileName, ["mediaType"] = stored.MediaType,
            ["size"] = stored.Size, ["sha256"] = stored.Sha256,
        };
    }
}
