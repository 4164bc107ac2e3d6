using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.Core.Tables;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Credit.Api;

/// <summary>
/// <c>POST /api/v1/credit/{licences|penalties}/imports</c>: a client with <c>credit:import</c> (a data platform, a
/// case-handling system) sends a 双公示 table as the request body — CSV or XLSX, the admin's import format — and it
/// goes through the same <see cref="CreditImporter"/> as the admin's upload: every row checked first, then all rows
/// imported in one transaction, or none. The records are drafts of the client's agency, recorded in the 台账 with
/// the client as the actor; the office publishes them in the admin, as it does an uploaded file's.
/// </summary>
/// <remarks>
/// The file is the body itself rather than a multipart form: <c>curl --data-binary @file.csv</c> is all it takes,
/// and a retry sends the same bytes, so <c>Idempotency-Key</c> recognises it (a multipart body has a new boundary
/// each time).
/// </remarks>
public static class CreditImportApi
{
    /// <summary>How many problems the detail text names; <c>errors</c> lists every one (up to <see cref="ImportReport.MaxListedProblems"/>).</summary>
    private const int ProblemsInDetail = 20;

    private static readonly string[] TableMediaTypes = ["text/csv", TableFormats.XlsxContentType];

    public static IEndpointRouteBuilder MapCreditImportApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/credit/{kind}/imports", ImportAsync)
            .RequireApiClient(ApiScopes.ImportCredit)
            .WithTags("双公示（写接口）")
            .WithName("ImportCreditRecords")
            .WithSummary("批量导入行政许可或行政处罚（全部导入或全部不导入）")
            .WithDescription(
                "kind 为 licences（行政许可）或 penalties（行政处罚）。请求正文为文件原文：CSV（Content-Type: text/csv，UTF-8 或 GB18030）" +
                $"或 Excel（Content-Type: {TableFormats.XlsxContentType}），表头与后台导入模板相同；文件类型按内容判断。" +
                $"最大 {ImportUploads.MaxUploadBytes / 1024 / 1024} MB。先检查全部行，任一行有误则不导入任何记录，返回 422，errors 列出每处问题（row 为 Excel 行号，column 为列名）；" +
                "全部正确时在一个事务中导入，返回 200 和行数、导入条数、批次号。dryRun=true 时只检查不写入（imported 为将导入的条数）；" +
                "skipExisting=true 时跳过决定文书号已有记录的行（计入 skipped），否则视为错误。导入的记录属于客户端所属机构，为草稿，由公开办在后台发布；" +
                "台账记录的操作人为该客户端。支持 Idempotency-Key 请求头：同一键的重试返回首次结果，不重复导入。")
            .Accepts<Stream>("text/csv", TableFormats.XlsxContentType)
            .Produces<CreditImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Imported)
            .WithResponseExample(StatusCodes.Status422UnprocessableEntity, ApiExamples.Refused)
            .WithMetadata(new RequestSizeLimitAttribute(ImportUploads.MaxUploadBytes));
        return api;
    }

    private static async Task<IResult> ImportAsync(
        HttpContext http, string kind, bool? dryRun, bool? skipExisting, CreditImporter importer, StorageOptions storage, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        if (CreditAdmin.Kind(kind) is not { } recordKind)
        {
            return TypedResults.Problem(title: "导入种类不存在", detail: $"“{kind}”不是可导入的种类：应为 {CreditAdmin.Licences}（行政许可）或 {CreditAdmin.Penalties}（行政处罚）。",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !TableMediaTypes.Any(t => mediaType.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(title: "不支持的请求内容类型",
                detail: $"请以文件原文作为请求正文，Content-Type 为 text/csv 或 {TableFormats.XlsxContentType}（如 curl --data-binary @文件.csv -H \"Content-Type: text/csv\"）。",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // Kept on disk for the request: the importer reads the file twice, and never holds it whole.
        var uploads = new ImportUploads(storage.DataFolder);
        if (await uploads.SaveAsync(http.Request.Body, cancellationToken) is not { } token)
        {
            return TypedResults.Problem(title: "文件过大", detail: $"文件超过 {ImportUploads.MaxUploadBytes / 1024 / 1024} MB，请分成几个文件导入。",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            if (new FileInfo(uploads.FilePath(token)).Length == 0)
            {
                return TypedResults.Problem(title: "请求有误", detail: "请求正文为空：应为要导入的 CSV 或 Excel 文件。", statusCode: StatusCodes.Status400BadRequest);
            }

            var options = new CreditImportOptions { AgencyCode = caller.AgencyCode, SkipExisting = skipExisting == true };
            if (dryRun == true)
            {
                ImportReport report;
                using (var reader = uploads.Open(token))
                {
                    report = await importer.DryRunAsync(recordKind, reader, options, cancellationToken);
                }

                return report.IsClean
                    ? TypedResults.Ok(new CreditImportResponse(true, report.Rows, report.Rows - report.Skipped, report.Skipped, null))
                    : Refused(recordKind, report);
            }

            var result = await importer.ImportAsync(recordKind, () => uploads.Open(token), $"接口提交（{caller.Name}）", caller.ActorName, options, cancellationToken);
            return result.Report.IsClean
                ? TypedResults.Ok(new CreditImportResponse(false, result.Report.Rows, result.Imported, result.Report.Skipped, result.Batch))
                : Refused(recordKind, result.Report);
        }
        catch (TableFormatException unreadable)
        {
            // Opening a workbook that is not one fails before the importer reads a row: the same report, one problem.
            var report = new ImportReport();
            report.Add(new ImportProblem(unreadable.Row ?? 1, "文件", ImportProblemKind.BadFile, unreadable.Message));
            return Refused(recordKind, report);
        }
        catch (CreditStateException conflict)
        {
            // Someone entered the same decision between the check and the insert: nothing was imported.
            return TypedResults.Problem(title: "未导入任何记录", detail: conflict.Message, statusCode: StatusCodes.Status409Conflict);
        }
        finally
        {
            uploads.Remove(token);
        }
    }

    private static ProblemHttpResult Refused(CreditRecordKind kind, ImportReport report)
    {
        var summary = report.Rows > 0
            ? $"{CreditVocabulary.Name(kind)}文件共 {report.Rows} 行数据，其中 {report.BadRows} 行有错误，共 {report.ProblemCount} 处；未导入任何记录。"
            : $"{CreditVocabulary.Name(kind)}文件有误，共 {report.ProblemCount} 处；未导入任何记录。";
        var named = string.Join("；", report.Problems.Take(ProblemsInDetail).Select(p => p.ToString().TrimEnd('。'))) + (report.ProblemCount > ProblemsInDetail ? $"……共 {report.ProblemCount} 处，见 errors。" : "。");
        return TypedResults.Problem(
            title: "文件有误：未导入任何记录",
            detail: summary + named,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = report.Rows,
                ["badRows"] = report.BadRows,
                ["problemCount"] = report.ProblemCount,
                ["errors"] = report.Problems.Select(p => new ImportProblemResponse(p.Row, p.Column, ImportProblem.KindName(p.Kind), p.Message)).ToList(),
            });
    }
}

/// <summary>
/// What an import did, or in a dry run would do: the data rows read, the records imported (would be imported), the
/// rows left alone because their decision is already recorded (<c>skipExisting</c>), and the import's 批次号.
/// </summary>
public sealed record CreditImportResponse(bool DryRun, int Rows, int Imported, int Skipped, string? Batch);

/// <summary>One problem of one row: its row number as Excel shows it, the column's label, the kind of problem and the reason, in zh-CN.</summary>
public sealed record ImportProblemResponse(int Row, string Column, string Kind, string Message);
