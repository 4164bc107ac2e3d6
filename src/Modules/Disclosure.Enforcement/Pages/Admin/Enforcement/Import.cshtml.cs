using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Api;
using Disclosure.Enforcement.Services;
using Disclosure.Media.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Pages.Admin.Enforcement;

/// <summary>
/// 办理环节批量导入: upload a CSV or XLSX table → 预检 (what would be added, what is already there, every error by row)
/// → 导入, all rows or none. The events' source is the case-handling system the staff member names (so a file
/// exported from it and the same events sent through the API are one), or <c>upload</c> for a table made by hand;
/// who imported it is recorded as the event's RecordedBy and in the 台账.
/// </summary>
[Authorize(Policy = EnforcementModule.AdminPolicy)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(CaseEventImporter importer, CaseEventUploads uploads, IOptionsMonitor<EnforcementOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>100,000 rows are about 20 MB of CSV.</summary>
    public const int MaxUploadBytes = 64 * 1024 * 1024;

    [FromRoute]
    public string? Token { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string Source { get; set; } = CaseEventSources.Upload;

    public PendingCaseEventImport? Pending { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The upload's own source, then each configured case-handling system.</summary>
    public IReadOnlyList<string> Sources => [CaseEventSources.Upload, .. options.CurrentValue.Sources.Select(s => s.Name)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Token is null)
        {
            return Page();
        }

        Pending = await uploads.FindAsync(Token, cancellationToken);
        return Pending is null || Pending.UploadedBy != User.Identity!.Name ? NotFound() : Page();
    }

    /// <summary>The template: the header row only, as an Excel workbook or a UTF-8 CSV.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken cancellationToken)
    {
        var table = TableFormats.FromName(format) ?? TableFormat.Xlsx;
        var bytes = await TableExport.ToBytesAsync(table, "办理环节", CaseEventImporter.Columns, [], cancellationToken);
        return File(bytes, TableFormats.ContentType(table), "办理环节导入模板" + TableFormats.Extension(table));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Sources.Contains(Source))
        {
            return Refuse("请选择来源。");
        }

        if (Upload is not { Length: > 0 } file)
        {
            return Refuse("请选择要上传的 CSV 或 Excel（.xlsx）文件。");
        }

        var token = await uploads.SaveAsync(file, cancellationToken);
        CaseEventImportResult result;
        using (var reader = uploads.Open(token))
        {
            // Read by what the bytes are: an XLSX package or CSV text, whatever the name says (a renamed .xls is reported as unreadable).
            result = await importer.RunAsync(reader, Source, User.Identity!.Name!, dryRun: true, cancellationToken);
        }

        await uploads.WriteAsync(Report(token, Path.GetFileName(file.FileName), result), cancellationToken);
        return Redirect($"/admin/enforcement/import/{token}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (Token is null || await uploads.FindAsync(Token, cancellationToken) is not { } pending || pending.UploadedBy != User.Identity!.Name)
        {
            return NotFound();
        }

        if (!pending.IsClean)
        {
            Pending = pending;
            return Refuse("文件中有错误，不能导入。请修改后重新上传。");
        }

        CaseEventImportResult result;
        using (var reader = uploads.Open(Token))
        {
            result = await importer.RunAsync(reader, pending.Source, User.Identity!.Name!, dryRun: false, cancellationToken);
        }

        if (!result.IsClean)
        {
            // Something changed since the 预检 (a case's events arrived through the API meanwhile): nothing was written.
            Pending = Report(Token, pending.FileName, result) with { Source = pending.Source, UploadedUtc = pending.UploadedUtc };
            await uploads.WriteAsync(Pending, cancellationToken);
            return Refuse("重新检查时发现错误，未导入任何办理环节。");
        }

        uploads.Remove(Token);
        TempData["Message"] = $"已导入办理环节 {result.Added} 条，已存在未重复导入 {result.AlreadyPresent} 条。";
        return Redirect("/admin/enforcement/import");
    }

    private PendingCaseEventImport Report(string token, string fileName, CaseEventImportResult result) =>
        new(token, fileName, Source, User.Identity!.Name!, clock.GetUtcNow().UtcDateTime, result.Report.Rows, result.Added, result.AlreadyPresent,
            result.Report.BadRows, result.Report.ProblemCount, result.Report.Problems, result.Preview);

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The upload time as the office reads it.</summary>
    public static string Uploaded(PendingCaseEventImport pending) => DateText.Time(pending.UploadedUtc);
}
