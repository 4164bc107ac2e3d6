using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// Calls the platform's JSON and upload endpoints with the access_token, and on a token error (40001/40014/42001)
/// refreshes it and repeats the call once. A non-zero <c>errcode</c> becomes a <see cref="WeChatApiException"/>; an
/// HTTP error or a body that is not JSON a <see cref="WeChatTransportException"/>. Every call names the official account
/// it is made as (its own access_token).
/// </summary>
public sealed class WeChatClient(IHttpClientFactory clients, IOptions<WeChatOptions> options, WeChatTokenStore tokens)
{
    public const string HttpClientName = "Disclosure.WeChat";

    /// <summary>
    /// Chinese goes as characters, not \u escapes, as the platform asks; so do the article's &lt; and &gt; (this JSON
    /// never reaches a browser, so escaping them would only make it bigger).
    /// </summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<JsonObject> PostJsonAsync(WeChatAccount account, string path, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(account, path, token => new HttpRequestMessage(HttpMethod.Post, $"{path.TrimStart('/')}?access_token={Uri.EscapeDataString(token)}") { Content = JsonBody(body) }, cancellationToken);

    /// <summary>A multipart upload with the file in the field <c>media</c>.</summary>
    public Task<JsonObject> UploadAsync(WeChatAccount account, string path, string? type, byte[] file, string fileName, string contentType, CancellationToken cancellationToken) =>
        CallAsync(account, path, token =>
        {
            var content = new MultipartFormDataContent();
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(part, "media", fileName);
            var query = $"access_token={Uri.EscapeDataString(token)}" + (type is null ? string.Empty : $"&type={type}");
            return new HttpRequestMessage(HttpMethod.Post, $"{path.TrimStart('/')}?{query}") { Content = content };
        }, cancellationToken);

    private async Task<JsonObject> CallAsync(WeChatAccount account, string path, Func<string, HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(account, cancellationToken);
        try
        {
            return await SendAsync(path, build(token), cancellationToken);
        }
        catch (WeChatApiException ex) when (WeChatErrors.IsTokenError(ex.ErrorCode))
        {
            token = await tokens.RefreshAsync(account, token, cancellationToken);
            return await SendAsync(path, build(token), cancellationToken);
        }
    }

    private async Task<JsonObject> SendAsync(string path, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return await ReadAnswerAsync(response, path, timeout.Token);
        }
    }

    internal static StringContent JsonBody(JsonObject body) =>
        new(body.ToJsonString(Json), Encoding.UTF8, "application/json");

    internal static async Task<JsonObject> ReadAnswerAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new WeChatTransportException($"微信接口 {path} 返回 HTTP {(int)response.StatusCode}，稍后自动重试。");
        }

        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer is null)
        {
            throw new WeChatTransportException($"微信接口 {path} 的应答不是 JSON，稍后自动重试。");
        }

        var code = answer["errcode"] is JsonValue value && value.TryGetValue<int>(out var c) ? c : 0;
        if (code != 0)
        {
            throw new WeChatApiException(code, answer["errmsg"]?.ToString(), path);
        }

        return answer;
    }
}
