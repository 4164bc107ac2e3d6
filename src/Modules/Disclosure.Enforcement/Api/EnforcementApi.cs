using System.Text.Json;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Api;

/// <summary>
/// The case-handling system's way in: <c>POST /api/v1/enforcement/cases</c> registers a case with its parties and
/// returns their 查询码 once; <c>POST /api/v1/enforcement/events</c> adds a batch of events, all or none, idempotent
/// by each event's <c>sourceEventId</c>. A call is either signed by a configured source (<see cref="SourceSignature"/>)
/// or made by an API client with <c>cases:import</c> (bearer token, <see cref="ApiClientEndpoints.AcceptApiClient"/>):
/// the client's events are its own source (<see cref="CaseEventSources.Client"/>), its cases its agency's.
/// Refusals are problem details with zh-CN titles and every <see cref="CaseInputError"/>.
/// </summary>
public static class EnforcementApi
{
    /// <summary>One case and its parties.</summary>
    public const long MaxCaseBytes = 1024 * 1024;

    /// <summary>A full batch (<see cref="CaseRegistry.MaxBatch"/> events of a few hundred bytes each).</summary>
    public const long MaxEventsBytes = 64L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string CallerDescription =
        "两种调用方式任选其一。一、接口客户端：请求头 Authorization: Bearer <访问令牌或个人访问令牌>，须有 cases:import 权限范围；" +
        "登记的案件属于客户端所属机构，只能为本机构的案件添加办理环节（其他机构的案件视为未登记），sourceEventId 按客户端各自计；按客户端限流，支持 Idempotency-Key；令牌无效时返回 401，缺少权限范围时返回 403。" +
        "二、配置的来源系统签名（Enforcement:Sources）：请求头 X-Disclosure-Source 为来源名称，X-Disclosure-Timestamp 为 Unix 秒（与服务器时间相差不超过 300 秒），" +
        "X-Disclosure-Signature 为 sha256=<十六进制 HMAC-SHA256(密钥, 时间戳 + \"\\n\" + 请求正文原文)>；签名缺失、不符或过期时返回 401，案件属于本单位。";

    /// <summary>Maps the endpoints under <paramref name="api"/> (the host's <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder api)
    {
        // A client is limited per client; a signed source system's batches are not throttled like a visitor (the
        // public per-address limit leaves endpoints open to clients alone). Not a cookie client, so no antiforgery.
        var group = api.MapGroup("/enforcement").WithTags("执法公开");
        group.MapPost("/cases", RegisterAsync)
            .AcceptApiClient(ApiScopes.ImportCases)
            .WithName("RegisterEnforcementCase")
            .WithSummary("登记案件及当事人（返回各当事人的查询码，仅此一次）")
            .WithDescription(CallerDescription + "案件编号已登记时返回 409；内容有误时返回 422，errors 列出全部问题。")
            .Accepts<CaseRequest>("application/json")
            .Produces<RegisteredCaseResponse>(StatusCodes.Status201Created)
            .WithRequestExample(ApiExamples.Case)
            .WithResponseExample(StatusCodes.Status201Created, ApiExamples.Registered)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(MaxCaseBytes));
        group.MapPost("/events", RecordAsync)
            .AcceptApiClient(ApiScopes.ImportCases)
            .WithName("RecordEnforcementEvents")
            .WithSummary("批量添加案件办理环节（全部写入或全部不写入，按 sourceEventId 幂等）")
            .WithDescription(CallerDescription + $"dryRun=true 时只检查不写入。一批最多 {CaseRegistry.MaxBatch} 条；任一条有误则整批不写入，返回 422，errors 列出全部问题（item 为从 0 起的序号）。已收到过的 sourceEventId 计为已存在，不重复写入。")
            .Accepts<EventBatchRequest>("application/json")
            .Produces<EventBatchResponse>()
            .WithRequestExample(ApiExamples.Events)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Recorded)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(MaxEventsBytes));
        return api;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, CaseRegistry registry, IOptionsMonitor<EnforcementOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (caller, body, refused) = await ReadAsync<CaseRequest>(http, options.CurrentValue, clock);
        if (refused is not null)
        {
            return refused;
        }

        try
        {
            var registered = await registry.RegisterAsync(body!.ToInput() with { AgencyCode = caller!.AgencyCode }, caller.Actor, cancellationToken);
            return TypedResults.Created((string?)null, new RegisteredCaseResponse(registered.Id, registered.Number,
                registered.Codes.Select(c => new IssuedCodeResponse(c.PartyId, c.RoleName, c.Code)).ToList()));
        }
        catch (CaseInputException refusedCase)
        {
            var duplicate = refusedCase.Errors.Count == 1 && refusedCase.Errors[0].Where == "案件编号" && refusedCase.Errors[0].Message.EndsWith("已登记。", StringComparison.Ordinal);
            return Refused(refusedCase, duplicate ? "案件已登记" : "案件未登记：内容有误", duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task<IResult> RecordAsync(
        HttpContext http, CaseRegistry registry, IOptionsMonitor<EnforcementOptions> options, TimeProvider clock, bool? dryRun, CancellationToken cancellationToken)
    {
        var (caller, body, refused) = await ReadAsync<EventBatchRequest>(http, options.CurrentValue, clock);
        if (refused is not null)
        {
            return refused;
        }

        try
        {
            var dry = dryRun == true;
            var result = await registry.RecordEventsAsync(body!.Events.Select(e => e.ToInput()).ToList(), caller!.Source, caller.Actor, dry, caller.AgencyCode, cancellationToken);
            return TypedResults.Ok(new EventBatchResponse(dry, result.Added, result.AlreadyPresent, result.CaseNumbers, result.Notices));
        }
        catch (CaseInputException refusedBatch)
        {
            return Refused(refusedBatch, "办理环节未导入：整批未写入", StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>
    /// Who is calling: an API client (authorised by the endpoint's policy before the handler runs), or else a source
    /// system whose signature is checked here. Reads the raw body (the endpoint's size limit applies), then parses it.
    /// </summary>
    private static async Task<(CaseSourceCaller? Caller, T? Body, IResult? Refused)> ReadAsync<T>(HttpContext http, EnforcementOptions options, TimeProvider clock)
        where T : class
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        CaseSourceCaller caller;
        if (ApiCaller.From(http.User) is { } client)
        {
            caller = new CaseSourceCaller(CaseEventSources.Client(client.ClientId), client.ActorName, client.AgencyCode);
        }
        else
        {
            var (source, refusal) = SourceSignature.Verify(http.Request.Headers, bytes.Span, options, clock.GetUtcNow());
            if (source is null)
            {
                return (null, null, TypedResults.Problem(title: "签名无效", detail: refusal, statusCode: StatusCodes.Status401Unauthorized));
            }

            caller = new CaseSourceCaller(source, CaseEventSources.ApiActor(source), null);
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(bytes.Span, Json);
            return body is null
                ? (caller, null, TypedResults.Problem(title: "请求有误", detail: "请求正文为空。", statusCode: StatusCodes.Status400BadRequest))
                : (caller, body, null);
        }
        catch (JsonException exception)
        {
            return (caller, null, TypedResults.Problem(title: "请求有误", detail: $"请求正文不是有效的 JSON（{exception.Path ?? "$"}）：日期请写作 yyyy-MM-dd。", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>
    /// The caller as the registry records it: the events' <c>Source</c> (the namespace of their <c>sourceEventId</c>),
    /// the actor in RecordedBy and the 台账, and the agency whose cases it may touch (null for a signed source: every
    /// case, and new cases are the installation's own).
    /// </summary>
    private sealed record CaseSourceCaller(string Source, string Actor, string? AgencyCode);

    /// <summary>How many problems the detail text names; <c>errors</c> always lists every one.</summary>
    private const int ProblemsInDetail = 20;

    private static ProblemHttpResult Refused(CaseInputException exception, string title, int status) =>
        TypedResults.Problem(
            title: title,
            detail: exception.Errors.Count <= ProblemsInDetail
                ? exception.Message
                : string.Join("；", exception.Errors.Take(ProblemsInDetail).Select(e => e.ToString().TrimEnd('。'))) + $"……共 {exception.Errors.Count} 处，见 errors。",
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = exception.Errors.Select(e => new InputErrorResponse(e.Where, e.Message, e.Item)).ToList() });
}
