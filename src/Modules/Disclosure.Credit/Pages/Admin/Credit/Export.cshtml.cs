using Disclosure.Admin;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.PowerList;
using Disclosure.Credit.Services;
using Disclosure.Media.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Credit.Pages.Admin.Credit;

/// <summary>
/// Export in the import format (CSV UTF-8 with BOM, or XLSX), every column including the internal ones, so an export
/// is also the office's backup and a file it can correct and import elsewhere. <c>template=true</c> gives the header
/// only. The file is written to a temporary file, streaming, then sent.
/// </summary>
[Authorize(Policy = CreditModule.AdminPolicy)]
public sealed class ExportModel(CreditExporter credit, PowerListExporter powerList, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? kind, string? format, bool template, CreditRecordStatus? status, CancellationToken cancellationToken)
    {
        if (ImportKinds.Label(kind) is not { } label || TableFormats.FromName(format ?? "csv") is not { } tableFormat)
        {
            return NotFound();
        }

        IReadOnlyList<string> headers;
        IAsyncEnumerable<string?[]> rows;
        if (kind == ImportKinds.PowerList)
        {
            var (listHeaders, listRows) = await powerList.ExportAsync(cancellationToken);
            (headers, rows) = (listHeaders, (template ? [] : listRows).ToAsyncEnumerable());
        }
        else
        {
            var creditKind = CreditAdmin.Kind(kind)!.Value;
            headers = CreditExporter.Headers(creditKind);
            rows = template ? AsyncEnumerable.Empty<string?[]>() : credit.RowsAsync(creditKind, status, cancellationToken: cancellationToken);
        }

        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await TableExport.WriteAsync(temp, tableFormat, label.Split('（')[0], headers, rows, cancellationToken);
        temp.Position = 0;
        var stamp = DateText.FileStamp(clock.GetUtcNow().UtcDateTime);
        var name = $"{label}{(template ? "-模板" : "-" + stamp)}{TableFormats.Extension(tableFormat)}";
        return File(temp, TableFormats.ContentType(tableFormat), name);
    }
}
