using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Interaction.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Surveys;

/// <summary>
/// The raw answers as XLSX, one row per response and one column per question, for the 公开办's own analysis; written
/// to a temporary file, streaming, then sent. Each export is recorded in the 台账.
/// </summary>
[Authorize(Policy = InteractionModule.SurveysOfficePolicy)]
public sealed class ExportModel(SurveyStore store, SurveyExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } definition)
        {
            return NotFound();
        }

        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        var rows = await export.WriteAsync(temp, definition, cancellationToken);
        temp.Position = 0;
        await store.RecordExportAsync(id, rows, User.Identity!.Name!, cancellationToken);
        var name = $"社会评议{id}-原始答卷-{DateText.FileStamp(store.NowUtc)}{TableFormats.Extension(TableFormat.Xlsx)}";
        return File(temp, TableFormats.ContentType(TableFormat.Xlsx), name);
    }
}
