using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.Media;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Contents.Api;

/// <summary>
/// <c>POST /api/v1/media</c>: a client uploads an attachment (multipart, field <c>file</c>), checked exactly as the
/// admin editor's uploads are — by content, not by name — and gets the object to put in a draft's attachment field.
/// </summary>
public static class MediaApi
{
    /// <summary>The admin editor's limit for a whole form, so one file can be as big as an editor's.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/media", UploadAsync)
            .RequireApiClient(ApiScopes.WriteMedia)
            .WithTags("草稿（写接口）")
            .WithName("UploadMedia")
            .WithSummary("上传附件")
            .WithDescription("multipart/form-data，文件字段名为 file。按文件内容（而非扩展名）检查类型和大小，通过后返回附件对象，原样填入草稿的附件字段即可。" +
                "未被任何草稿引用的附件不对外提供。")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<UploadedMedia>(StatusCodes.Status201Created)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.Media)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, MediaStore media, LedgerWriter ledger, DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        if (!http.Request.HasFormContentType || (await http.Request.ReadFormAsync(cancellationToken)).Files.GetFile("file") is not { Length: > 0 } file)
        {
            return Refused("请以 multipart/form-data 上传，文件字段名为 file，且文件不能为空。");
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var stored = await media.SaveAsync(stream, file.FileName, cancellationToken);
            await db.InTransactionAsync(
                () => ledger.AppendAsync(caller.ActorName, DraftLedgerActions.MediaUploadedByClient, null, null, stored.Sha256, $"{stored.FileName}（{stored.Path}）", cancellationToken),
                cancellationToken);
            return TypedResults.Created((string?)null, new UploadedMedia(stored.Path, stored.FileName, stored.MediaType, stored.Size, stored.Sha256));
        }
        catch (MediaRejectedException rejected)
        {
            return Refused($"附件“{file.FileName}”未上传：{rejected.Message}");
        }
    }

    private static IResult Refused(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, detail: message, title: "附件未上传",
            statusCode: StatusCodes.Status422UnprocessableEntity);
}

/// <summary>An uploaded attachment, as a draft's attachment field holds it.</summary>
public sealed record UploadedMedia(string Path, string Name, string MediaType, long Size, string Sha256);
