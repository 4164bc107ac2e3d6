using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// Calls the platform (shared/reference/weibo-api.md): form posts, the multipart post with a picture, and GETs. An
/// answer carrying <c>error_code</c> becomes a <see cref="WeiboApiException"/> (whatever its HTTP status); anything
/// else that is not a JSON object answered 2xx — a timeout included — a <see cref="WeiboTransportException"/>, since
/// then nobody knows whether the platform acted on the call.
/// </summary>
public sealed class WeiboClient(IHttpClientFactory clients, IOptions<WeiboOptions> options)
{
    public const string HttpClientName = "Disclosure.Weibo";

    public const string SharePath = "2/statuses/share.json";
    public const string DestroyPath = "2/statuses/destroy.json";

    /// <summary>The account's own newest posts: how a post whose answer was lost is found (see <see cref="WeiboChannel"/>).</summary>
    public const string TimelinePath = "2/statuses/user_timeline.json";

    public const string AccessTokenPath = "oauth2/access_token";

    public Task<JsonObject> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync(path, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) }, cancellationToken);

    /// <summary>A multipart post: the fields, and the picture in the field <c>pic</c>.</summary>
    public Task<JsonObject> PostMultipartAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, WeiboPicture picture, CancellationToken cancellationToken) =>
        SendAsync(path, () =>
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                content.Add(new StringContent(value), name);
            }

            var part = new ByteArrayContent(picture.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(picture.ContentType);
            content.Add(part, "pic", picture.FileName);
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        }, cancellationToken);

    public Task<JsonObject> GetAsync(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        SendAsync(path, () => new HttpRequestMessage(HttpMethod.Get, path + "?" + string.Join("&", query.Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value)))), cancellationToken);

    private async Task<JsonObject> SendAsync(string path, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var request = build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        HttpResponseMessage response;
        string body;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WeiboTransportException($"微博接口 {path} 在 {options.Value.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} 秒内没有应答。");
        }
        catch (HttpRequestException ex)
        {
            throw new WeiboTransportException($"无法连接微博平台（{path}）：{ex.Message}");
        }

        using (response)
        {
            JsonObject? answer;
            try
            {
                answer = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                answer = null;
            }

            if (answer?["error_code"] is { } code)
            {
                var number = code is JsonValue v && v.TryGetValue<int>(out var n) ? n
                    : int.TryParse(code.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                throw new WeiboApiException(number, answer["error"]?.ToString(), answer["request"]?.ToString() ?? "/" + path);
            }

            if (!response.IsSuccessStatusCode || answer is null)
            {
                throw new WeiboTransportException($"微博接口 {path} 返回 HTTP {(int)response.StatusCode}{(answer is null ? "，应答不是 JSON" : null)}。");
            }

            return answer;
        }
    }
}
