using System.Text.Json.Nodes;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.ContentManagement.Validation;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Media;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Api;

/// <summary>
/// The write API an office's other systems (an OA system, 办公自动化) draft through: <c>/api/v1/drafts</c>. A client
/// drafts, edits and submits (上报) as a 信息员 of its department would, with the admin editor's validation; the draft
/// then waits for people in the review chain. No route here approves, publishes or withdraws. Updates need
/// <c>If-Match</c> with the ETag of the version they change, so two systems (or a system and an editor) never
/// overwrite each other unseen.
/// </summary>
public static class DraftsApi
{
    public static IEndpointRouteBuilder MapDraftsApi(this IEndpointRouteBuilder api)
    {
        var drafts = api.MapGroup("/drafts").WithTags("草稿（写接口）");
        drafts.MapPost("/", CreateAsync)
            .RequireApiClient(ApiScopes.WriteContent)
            .WithName("CreateDraft")
            .WithSummary("新建草稿")
            .WithDescription("按内容类型（type）的定义新建草稿，校验规则与后台编辑器相同；发布机构留空时为客户端所属机构，填写其他机构时拒绝。" +
                "附件字段填写 POST /api/v1/media 返回的对象。成功返回 201、Location 和 ETag。支持 Idempotency-Key 请求头：同一键的重试返回首次结果，不重复新建。")
            .Accepts<DraftRequest>("application/json")
            .Produces<DraftResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(ApiExamples.CreateDraft)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.Draft);
        drafts.MapGet("/{id}", GetAsync)
            .RequireApiClient(ApiScopes.ReadDrafts, ApiScopes.WriteContent)
            .WithName("GetDraft")
            .WithSummary("读取草稿（最新版本）")
            .WithDescription("返回内容的最新版本（草稿、审核中或已发布）及其 ETag。只能读取客户端所属机构和部门的内容，其他内容返回 404。")
            .Produces<DraftResponse>()
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Draft);
        drafts.MapPut("/{id}", UpdateAsync)
            .RequireApiClient(ApiScopes.WriteContent)
            .WithName("UpdateDraft")
            .WithSummary("修改草稿（保存为新版本）")
            .WithDescription("必须带 If-Match 请求头（上次读取或保存时返回的 ETag）：缺少时返回 428，内容已被他人修改时返回 412，须重新读取后再改。" +
                "保存为新的草稿版本；若该内容正在审核，审核将终止，须重新上报。")
            .Accepts<DraftRequest>("application/json")
            .Produces<DraftResponse>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(ApiExamples.UpdateDraft)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.UpdatedDraft);
        drafts.MapPost("/{id}/submit", SubmitAsync)
            .RequireApiClient(ApiScopes.WriteContent)
            .WithName("SubmitDraft")
            .WithSummary("上报审核")
            .WithDescription("把最新草稿送入审核流程（初审 → 保密审查 → 领导审批 …），同时进行敏感信息自动扫描。审核、发布和撤回由工作人员在后台办理，接口不提供。")
            .Produces<SubmittedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status202Accepted, ApiExamples.Submitted);
        return api;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, DraftRequest? request, ContentDefinitionStore definitions, ContentManager contents, MediaStore media,
        IEnumerable<ReservedContentType> reserved, LedgerWriter ledger, DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        if (request?.Type is not { Length: > 0 } typeName || request.Data is null)
        {
            return Invalid(new ValidationError("type", "请求正文应为 {\"type\": 内容类型, \"data\": {部件: {字段: 值}}}。"));
        }

        if (await definitions.FindAsync(typeName, cancellationToken) is not { } type)
        {
            return Invalid(new ValidationError("type", $"内容类型“{typeName}”不存在。"));
        }

        if (reserved.FirstOrDefault(r => r.ContentType == type.Name) is { } owner)
        {
            return Invalid(new ValidationError("type", $"{type.DisplayName}不能通过接口起草：{owner.Message}"));
        }

        var data = new ContentData(request.Data);
        if (Check(type, data, caller, media) is { Count: > 0 } errors)
        {
            return Invalid([.. errors]);
        }

        try
        {
            var (item, version) = await db.InTransactionAsync(async () =>
            {
                var created = await contents.CreateAsync(type.Name, data, caller.ActorName, caller.DepartmentCode, cancellationToken: cancellationToken);
                var record = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == created.ItemId, cancellationToken);
                await ledger.AppendAsync(caller.ActorName, DraftLedgerActions.SavedByClient, record.ContentItemId, created.Number, created.ContentHash, caller.Name, cancellationToken);
                return (record, created);
            }, cancellationToken);
            SetETag(http, version);
            return TypedResults.Created(Location(item.ContentItemId), DraftResponse.From(item, version));
        }
        catch (ContentValidationException refused)
        {
            return Invalid([.. refused.Errors]);
        }
    }

    private static async Task<IResult> GetAsync(HttpContext http, string id, DisclosureDbContext db, CancellationToken cancellationToken)
    {
        if (await VisibleItemAsync(http, db, id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        var version = item.Versions.Single(v => v.Number == item.LatestVersionNumber);
        SetETag(http, version);
        return TypedResults.Ok(DraftResponse.From(item, version));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext http, string id, DraftRequest? request, ContentDefinitionStore definitions, ContentManager contents, MediaStore media,
        LedgerWriter ledger, DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return TypedResults.Problem(title: "缺少 If-Match", detail: "修改草稿须带 If-Match 请求头（读取或上次保存时返回的 ETag），以免覆盖他人的修改。",
                statusCode: StatusCodes.Status428PreconditionRequired);
        }

        if (request?.Data is null)
        {
            return Invalid(new ValidationError("data", "请求正文应为 {\"data\": {部件: {字段: 值}}}。"));
        }

        try
        {
            return await db.InTransactionAsync(async () =>
            {
                // Compared inside the transaction the new version is written in: a concurrent save either came first
                // (and changed the ETag) or loses on the version's unique number.
                if (await VisibleItemAsync(http, db, id, cancellationToken) is not { } item)
                {
                    return NotFound();
                }

                var latest = item.Versions.Single(v => v.Number == item.LatestVersionNumber);
                if (!VersionETags.Admits(ifMatch, latest.Number))
                {
                    SetETag(http, latest);
                    return TypedResults.Problem(title: "内容已被修改",
                        detail: $"该内容的最新版本已是第 {latest.Number} 版（ETag {VersionETags.For(latest.Number)}），与 If-Match 不符。请重新读取后再修改。",
                        statusCode: StatusCodes.Status412PreconditionFailed);
                }

                var type = await definitions.FindAsync(item.ContentType, cancellationToken)
                    ?? throw new InvalidOperationException($"Content type {item.ContentType} is not defined.");
                var data = new ContentData(request.Data);
                if (Check(type, data, caller, media) is { Count: > 0 } errors)
                {
                    return Invalid([.. errors]);
                }

                var version = await contents.SaveDraftAsync(item.ContentItemId, data, caller.ActorName, cancellationToken);
                await ledger.AppendAsync(caller.ActorName, DraftLedgerActions.SavedByClient, item.ContentItemId, version.Number, version.ContentHash, caller.Name, cancellationToken);
                SetETag(http, version);
                return TypedResults.Ok(DraftResponse.From(item, version));
            }, cancellationToken);
        }
        catch (ContentValidationException refused)
        {
            return Invalid([.. refused.Errors]);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(title: "内容已被修改", detail: "另一修改刚刚保存，请重新读取后再修改。", statusCode: StatusCodes.Status412PreconditionFailed);
        }
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, string id, WorkflowService workflow, DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        if (await VisibleItemAsync(http, db, id, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            var review = await workflow.SubmitAsync(id, caller.ToDraftingActor(), cancellationToken);
            var chain = review.Chain();
            var step = chain.Steps[review.CurrentStep];
            return TypedResults.Accepted(Location(id), new SubmittedResponse(id, review.VersionNumber, review.Id, chain.DisplayName, step.DisplayName, review.Findings.Count,
                "已上报，等待审核。审核、发布由工作人员在后台办理。"));
        }
        catch (WorkflowForbiddenException refused)
        {
            return TypedResults.Problem(title: "不能上报", detail: refused.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (WorkflowException refused)
        {
            return TypedResults.Problem(title: "不能上报", detail: refused.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The item with its versions when the client may see it (its agency and department, as a 信息员 would).</summary>
    private static async Task<ContentItemRecord?> VisibleItemAsync(HttpContext http, DisclosureDbContext db, string id, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        var item = await db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ContentItemId == id, cancellationToken);
        // Another agency's or department's item answers exactly as a missing one: its existence is not confirmed.
        return item is not null && ContentAccess.MaySee(caller.ToDraftingActor(), item) ? item : null;
    }

    /// <summary>
    /// What a client may not do that a form cannot even offer: name another agency as 发布机构 (it fills in its own when
    /// left out), or attach a file that was never uploaded.
    /// </summary>
    private static List<ValidationError> Check(ContentTypeDefinition type, ContentData data, ApiCaller caller, MediaStore media)
    {
        var errors = new List<ValidationError>();
        if (type.HasPart(DisclosureMetadataPart.PartName))
        {
            var metadata = data.Root[DisclosureMetadataPart.PartName] as JsonObject ?? (JsonObject)(data.Root[DisclosureMetadataPart.PartName] = new JsonObject());
            if (string.IsNullOrWhiteSpace(data.Agency))
            {
                metadata[DisclosureMetadataPart.Agency] = caller.AgencyCode;
            }
            else if (data.Agency != caller.AgencyCode)
            {
                errors.Add(new ValidationError($"{DisclosureMetadataPart.PartName}.{DisclosureMetadataPart.Agency}", "「发布机构」只能是客户端所属机构。"));
            }
        }

        foreach (var part in type.AllParts())
        {
            foreach (var field in part.Fields.Where(f => f.Type == FieldType.Media))
            {
                var value = data.Get(part.Name, field.Name);
                var files = value switch { JsonArray array => array.ToList(), null => [], _ => [value] };
                for (var i = 0; i < files.Count; i++)
                {
                    if (files[i] is JsonObject file && file["path"] is JsonValue path && path.TryGetValue<string>(out var p) && !media.Exists(p))
                    {
                        errors.Add(new ValidationError($"{part.Name}.{field.Name}[{i}]", $"附件“{p}”不存在：请先通过 POST /api/v1/media 上传，再填写返回的对象。"));
                    }
                }
            }
        }

        return errors;
    }

    private static void SetETag(HttpContext http, ContentVersionRecord version) => VersionETags.Set(http.Response, version.Number);

    private static string Location(string id) => $"/api/v1/drafts/{id}";

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "内容不存在", detail: "没有该内容，或它不属于本客户端所属的机构和部门。", statusCode: StatusCodes.Status404NotFound);

    private static IResult Invalid(params ValidationError[] errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join(" ", errors.Select(e => e.ToString())),
            title: "草稿未保存：内容有误",
            statusCode: StatusCodes.Status422UnprocessableEntity);
}

/// <summary>A draft as a client sends it: the content type (on create) and the data, one object per part.</summary>
public sealed record DraftRequest(string? Type, JsonObject? Data);

public sealed record DraftResponse(
    string Id, string Type, int Version, string Status, string StatusName, string Title, string? IndexNumber, string? Department,
    DateTimeOffset Saved, string? SavedBy, string Url, JsonObject Data)
{
    internal static DraftResponse From(ContentItemRecord item, ContentVersionRecord version) => new(
        item.ContentItemId, item.ContentType, version.Number, version.Status.ToString(), ContentStatusNames.DisplayName(version.Status), version.Title,
        item.IndexNumber, item.DepartmentCode, ChinaTime.ToLocal(version.CreatedUtc), version.CreatedBy, $"/api/v1/drafts/{item.ContentItemId}",
        ContentData.Parse(version.DataJson).Root);
}

public sealed record SubmittedResponse(string Id, int Version, long ReviewId, string Chain, string CurrentStep, int SecrecyFindings, string Message);

/// <summary>The 台账 actions of the write API (the client is the actor).</summary>
public static class DraftLedgerActions
{
    public const string SavedByClient = "draft-saved-by-client";
    public const string MediaUploadedByClient = "media-uploaded-by-client";

    public static string? DisplayName(string action) => action switch
    {
        SavedByClient => "接口保存草稿",
        MediaUploadedByClient => "接口上传附件",
        _ => null,
    };
}
