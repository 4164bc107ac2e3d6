using Disclosure.Admin;
using Disclosure.Core.Tables;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.PowerList;
using Disclosure.Credit.Services;
using Disclosure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Credit.Pages.Admin.Credit;

/// <summary>
/// Bulk import of 双公示 records or the 权力清单 from CSV (UTF-8 or GB18030) or XLSX: upload → dry-run report of every
/// bad row (row, column, reason) → confirm. The rule is all or nothing: confirming imports every row, and is only
/// possible when the file has no bad row at all; the import checks the file again in its own transaction.
/// </summary>
[Authorize(Policy = CreditModule.AdminPolicy)]
[RequestSizeLimit(ImportUploads.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploads.MaxUploadBytes)]
public sealed class ImportModel(CreditImporter credit, PowerListImporter powerList, StorageOptions storage) : PageModel
{
    private ImportUploads Uploads => new(storage.DataFolder);

    [FromRoute]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = CreditAdmin.Penalties;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PendingImport? Pending { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Token is null)
        {
            return Page();
        }

        Pending = await Uploads.FindAsync(Token, cancellationToken);
        return Pending is null || Pending.UploadedBy != User.Identity!.Name ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ImportKinds.Label(Kind) is null)
        {
            return Refuse("请选择要导入的数据种类。");
        }

        if (Upload is not { Length: > 0 } file)
        {
            return Refuse("请选择要上传的 CSV 或 Excel（.xlsx）文件。");
        }

        if (TableFormats.FromName(file.FileName) is null)
        {
            return Refuse($"“{file.FileName}”不是 CSV 或 .xlsx 文件。旧版 .xls 请在 Excel 中另存为 .xlsx。");
        }

        var uploads = Uploads;
        var token = await uploads.SaveAsync(file, cancellationToken);
        ImportReport report;
        using (var reader = uploads.Open(token))
        {
            report = Kind == ImportKinds.PowerList
                ? await powerList.DryRunAsync(reader, cancellationToken)
                : await credit.DryRunAsync(CreditAdmin.Kind(Kind)!.Value, reader, cancellationToken: cancellationToken);
        }

        await uploads.WriteReportAsync(new PendingImport(token, Kind, Path.GetFileName(file.FileName), User.Identity!.Name!, DateTime.UtcNow,
            report.Rows, report.BadRows, report.ProblemCount, report.Problems), cancellationToken);
        return Redirect($"/admin/credit/import/{token}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var uploads = Uploads;
        if (Token is null || await uploads.FindAsync(Token, cancellationToken) is not { } pending || pending.UploadedBy != User.Identity!.Name)
        {
            return NotFound();
        }

        if (!pending.IsClean)
        {
            Pending = pending;
            Error = "文件中有错误，不能导入。请修改后重新上传。";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        ImportReport report;
        string message;
        string redirect;
        if (pending.Kind == ImportKinds.PowerList)
        {
            var department = User.FindFirst(DisclosureClaimsPrincipalFactory.DepartmentClaim)?.Value;
            var result = await powerList.ImportAsync(() => uploads.Open(Token), pending.FileName, User.Identity!.Name!, department, cancellationToken);
            (report, message, redirect) = (result.Report, $"已导入权力清单 {result.Created.Count} 项（办事指南草稿），请逐项上报审核。", "/admin/content?type=ServiceGuide&status=Draft");
        }
        else
        {
            var kind = CreditAdmin.Kind(pending.Kind)!.Value;
            var result = await credit.ImportAsync(kind, () => uploads.Open(Token), pending.FileName, User.Identity!.Name!, cancellationToken: cancellationToken);
            (report, message, redirect) = (result.Report, $"已导入{CreditVocabulary.Name(kind)}记录 {result.Imported} 条（草稿）。", $"/admin/credit?kind={pending.Kind}&batch={result.Batch}");
        }

        if (!report.IsClean)
        {
            // The database changed since the dry run (someone entered the same decision meanwhile): nothing was imported.
            Pending = pending with { Rows = report.Rows, BadRows = report.BadRows, ProblemCount = report.ProblemCount, Problems = report.Problems.Take(ImportUploads.ShownProblems).ToList() };
            await uploads.WriteReportAsync(Pending, cancellationToken);
            Error = "重新检查时发现错误，未导入任何记录。";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        uploads.Remove(Token);
        TempData["Message"] = message;
        return Redirect(redirect);
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
