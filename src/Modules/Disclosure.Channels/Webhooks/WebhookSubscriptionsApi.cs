using System.Globalization;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.Core.Time;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// 推送订阅 through the API (<c>/api/v1/webhooks</c>, scope <c>webhooks:manage</c>): a client lists, creates, changes,
/// deletes its agency's subscriptions to the app channel and rotates their secrets. A subscription carries the
/// client's agency's publications (发布、更新、撤回), signed as the configured endpoints' are; the secret is shown on
/// creation and rotation only. Another agency's subscription answers as a missing one, 404. Changes need
/// <c>If-Match</c> with the ETag they were read at (optional on DELETE), as drafts do.
/// </summary>
public static class WebhookSubscriptionsApi
{
    public static IEndpointRouteBuilder MapWebhookSubscriptionsApi(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("推送订阅（Webhook）");
        webhooks.MapGet("/", ListAsync)
            .RequireApiClient(ApiScopes.ManageWebhooks)
            .WithName("ListWebhookSubscriptions")
            .WithSummary("列出推送订阅")
            .WithDescription("返回客户端所属机构的推送订阅（含同机构其他客户端建立的），不含密钥。")
            .Produces<IReadOnlyList<WebhookSubscriptionResponse>>()
            .WithResponseExample(StatusCodes.Status200OK, WebhookSubscriptionExamples.List);
        webhooks.MapPost("/", CreateAsync)
            .RequireApiClient(ApiScopes.ManageWebhooks)
            .WithName("CreateWebhookSubscription")
            .WithSummary("新建推送订阅")
            .WithDescription("订阅本机构信息的发布、更新和撤回：此后发布的信息推送到 url（https），请求以 HMAC-SHA256 签名" +
                "（X-Disclosure-Signature: sha256={hex}，签名内容为 {X-Disclosure-Timestamp}.{正文}）。名称（字母、数字、“-”或“_”）在推送记录中标识订阅，" +
                "不能与站点配置的推送地址或其他订阅（含已删除的）重名，建立后不能修改。密钥（secret）由服务器生成，只在此次返回，请妥善保存。" +
                "支持 Idempotency-Key 请求头：同一键的重试返回首次结果，不重复新建。")
            .Accepts<WebhookSubscriptionRequest>("application/json")
            .Produces<WebhookSubscriptionCreatedResponse>(StatusCodes.Status201Created)
            .WithRequestExample(WebhookSubscriptionExamples.Create)
            .WithResponseExample(StatusCodes.Status201Created, WebhookSubscriptionExamples.Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        webhooks.MapGet("/{id:long}", GetAsync)
            .RequireApiClient(ApiScopes.ManageWebhooks)
            .WithName("GetWebhookSubscription")
            .WithSummary("读取推送订阅")
            .WithDescription("返回订阅及其 ETag，不含密钥。其他机构的订阅和已删除的订阅返回 404。")
            .Produces<WebhookSubscriptionResponse>()
            .WithResponseExample(StatusCodes.Status200OK, WebhookSubscriptionExamples.Subscription)
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPut("/{id:long}", UpdateAsync)
            .RequireApiClient(ApiScopes.ManageWebhooks)
            .WithName("UpdateWebhookSubscription")
            .WithSummary("修改推送订阅")
            .WithDescription("修改推送地址（url）或启用状态（active；停用的订阅不再收到推送）。必须带 If-Match 请求头（读取时返回的 ETag）：" +
                "缺少时返回 428，订阅已被修改时返回 412。名称不能修改。")
            .Accepts<WebhookSubscriptionRequest>("application/json")
            .Produces<WebhookSubscriptionResponse>()
            .WithRequestExample(WebhookSubscriptionExamples.Update)
            .WithResponseExample(StatusCodes.Status200OK, WebhookSubscriptionExamples.Updated)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        webhooks.MapDelete("/{id:long}", DeleteAsync)
            .RequireApiClient(ApiScopes.ManageWebhooks)
            .WithName("DeleteWebhookSubscription")
            .WithSummary("删除推送订阅")
            .WithDescription("删除后不再推送；尚未送出的推送记为失败并说明原因。名称仍保留，不能再用于新订阅。可带 If-Match，订阅已被修改时返回 412。")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        webhooks.MapPost("/{id:long}/rotate-secret", RotateSecretAsync)
            .RequireApiClient(ApiScopes.ManageWebhooks)
            .WithName("RotateWebhookSubscriptionSecret")
            .WithSummary("更换推送订阅密钥")
            .WithDescription("生成新密钥并只在此次返回；此后的推送以新密钥签名（包括尚未送出的重试），接收方须同时更换。")
            .Produces<WebhookSubscriptionCreatedResponse>()
            .WithResponseExample(StatusCodes.Status200OK, WebhookSubscriptionExamples.Rotated)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        var list = await subscriptions.ListAsync(caller.AgencyCode, cancellationToken);
        return TypedResults.Ok(list.Select(WebhookSubscriptionResponse.From).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, WebhookSubscriptionRequest? request, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Invalid("body", "请求正文应为 {\"name\": 名称, \"url\": 推送地址}。");
        }

        try
        {
            var (subscription, secret) = await subscriptions.CreateAsync(new WebhookSubscriptionInput(request.Name, request.Url, request.Active), Subscriber(http), cancellationToken);
            SetETag(http, subscription);
            return TypedResults.Created(Location(subscription.Id), WebhookSubscriptionCreatedResponse.From(subscription, secret));
        }
        catch (WebhookSubscriptionException refused)
        {
            return Invalid(refused.Field, refused.Message);
        }
    }

    private static async Task<IResult> GetAsync(HttpContext http, long id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        if (await subscriptions.FindAsync(id, caller.AgencyCode, cancellationToken) is not { } subscription)
        {
            return NotFound();
        }

        SetETag(http, subscription);
        return TypedResults.Ok(WebhookSubscriptionResponse.From(subscription));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, long id, WebhookSubscriptionRequest? request, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (http.Request.Headers.IfMatch.ToString() is not { Length: > 0 } ifMatch)
        {
            return TypedResults.Problem(title: "缺少 If-Match", detail: "修改推送订阅须带 If-Match 请求头（读取时返回的 ETag），以免覆盖他人的修改。",
                statusCode: StatusCodes.Status428PreconditionRequired);
        }

        if (request is null)
        {
            return Invalid("body", "请求正文应为 {\"url\": 推送地址, \"active\": true 或 false}。");
        }

        return await ChangeAsync(http, async () =>
        {
            var subscription = await subscriptions.UpdateAsync(id, VersionETags.Versions(ifMatch), new WebhookSubscriptionInput(request.Name, request.Url, request.Active),
                Subscriber(http), cancellationToken);
            SetETag(http, subscription);
            return TypedResults.Ok(WebhookSubscriptionResponse.From(subscription));
        });
    }

    private static Task<IResult> DeleteAsync(HttpContext http, long id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        ChangeAsync(http, async () =>
        {
            var ifMatch = http.Request.Headers.IfMatch.ToString();
            await subscriptions.DeleteAsync(id, ifMatch.Length == 0 ? null : VersionETags.Versions(ifMatch), Subscriber(http), cancellationToken);
            return TypedResults.NoContent();
        });

    private static Task<IResult> RotateSecretAsync(HttpContext http, long id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        ChangeAsync(http, async () =>
        {
            var (subscription, secret) = await subscriptions.RotateSecretAsync(id, Subscriber(http), cancellationToken);
            SetETag(http, subscription);
            return TypedResults.Ok(WebhookSubscriptionCreatedResponse.From(subscription, secret));
        });

    /// <summary>A change to an existing subscription, with the refusals every change shares.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, Func<Task<IResult>> change)
    {
        try
        {
            return await change();
        }
        catch (WebhookSubscriptionNotFoundException)
        {
            return NotFound();
        }
        catch (WebhookSubscriptionConflictException conflict)
        {
            SetETag(http, conflict.Current);
            return TypedResults.Problem(title: "推送订阅已被修改",
                detail: $"该订阅当前的 ETag 是 {VersionETags.For(conflict.Current.Version)}，与 If-Match 不符。请重新读取后再修改。",
                statusCode: StatusCodes.Status412PreconditionFailed);
        }
        catch (WebhookSubscriptionException refused)
        {
            return Invalid(refused.Field, refused.Message);
        }
    }

    private static WebhookSubscriber Subscriber(HttpContext http)
    {
        var caller = ApiCaller.From(http.User)!;
        return new WebhookSubscriber(caller.ClientId, caller.ActorName, caller.AgencyCode);
    }

    private static void SetETag(HttpContext http, WebhookSubscription subscription) => VersionETags.Set(http.Response, subscription.Version);

    internal static string Location(long id) => $"/api/v1/webhooks/{id.ToString(CultureInfo.InvariantCulture)}";

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "推送订阅不存在", detail: "没有该推送订阅，或它不属于本客户端所属的机构。", statusCode: StatusCodes.Status404NotFound);

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "推送订阅未保存：内容有误",
            statusCode: StatusCodes.Status422UnprocessableEntity);
}

/// <summary>What a client sends: <see cref="Name"/> and <see cref="Url"/> on creation; <see cref="Url"/> and <see cref="Active"/> on a change.</summary>
public sealed record WebhookSubscriptionRequest(string? Name, string? Url, bool? Active);

/// <summary>A subscription as the API shows it: never its secret.</summary>
public sealed record WebhookSubscriptionResponse(
    long Id, string Name, string Url, string Agency, bool Active, int Version, string CreatedBy, DateTimeOffset Created, DateTimeOffset Updated, string Location)
{
    internal static WebhookSubscriptionResponse From(WebhookSubscription s) => new(
        s.Id, s.Name, s.Url, s.AgencyCode, s.Active, s.Version, s.CreatedByClientId, ChinaTime.ToLocal(s.CreatedUtc), ChinaTime.ToLocal(s.UpdatedUtc),
        WebhookSubscriptionsApi.Location(s.Id));
}

/// <summary>A subscription just created or given a new secret: the one answer that carries the secret.</summary>
public sealed record WebhookSubscriptionCreatedResponse(
    long Id, string Name, string Url, string Agency, bool Active, int Version, string CreatedBy, DateTimeOffset Created, DateTimeOffset Updated, string Location,
    string Secret)
{
    internal static WebhookSubscriptionCreatedResponse From(WebhookSubscription s, string secret) => new(
        s.Id, s.Name, s.Url, s.AgencyCode, s.Active, s.Version, s.CreatedByClientId, ChinaTime.ToLocal(s.CreatedUtc), ChinaTime.ToLocal(s.UpdatedUtc),
        WebhookSubscriptionsApi.Location(s.Id), secret);
}
