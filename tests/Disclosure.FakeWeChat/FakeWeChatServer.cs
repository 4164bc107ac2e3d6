using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.FakeWeChat;

/// <summary>
/// The fake WeChat official-account API on a loopback port. It checks what the real platform checks — the
/// access_token (missing 41001, unknown 40001, expired 42001), the app's credentials, upload formats and sizes
/// (uploadimg JPG/PNG ≤ 1 MB, thumb JPG ≤ 64 KB, image ≤ 10 MB), the draft's required fields and limits, known
/// media ids (40007) — and records every call. A submitted draft is consumed, as on the platform, and its article
/// is listed by <c>freepublish/batchget</c> once published. Tests inject failures with <see cref="FailNext"/>,
/// <see cref="ExpireTokens"/>, <see cref="PendingPolls"/> and <see cref="FinalPublishStatus"/>.
/// <para>
/// Several official accounts may share one fake (<see cref="AddApp"/>): each has its own token, every call is recorded
/// with the account whose token it carried (<see cref="FakeCall.AppId"/>), an article belongs to the account that
/// published it (<see cref="FakeArticle.AppId"/>), and an account lists and deletes only its own articles.
/// </para>
/// </summary>
public sealed class FakeWeChatServer : IAsyncDisposable
{
    public const string DefaultAppId = "wx0123456789abcdef";
    public const string DefaultSecret = "fake-app-secret";

    private const int UploadImgMax = 1024 * 1024;
    private const int ThumbMax = 64 * 1024;
    private const int ImageMax = 10 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FakeCall> _calls = [];
    private readonly List<(string Path, FakeFailure Failure)> _failures = [];
    private readonly Dictionary<string, DateTime> _tokens = [];
    private readonly Dictionary<string, string> _tokenApps = [];
    private readonly Dictionary<string, string> _apps = [];
    private readonly Dictionary<string, string> _current = [];
    private readonly HashSet<string> _uploadedUrls = [];
    private readonly List<byte[]> _uploadedImages = [];
    private readonly Dictionary<string, (string Type, byte[] Bytes)> _materials = [];
    private readonly Dictionary<string, JsonArray> _drafts = [];
    private readonly Dictionary<string, Publication> _publishes = [];
    private readonly Dictionary<string, FakeArticle> _articles = [];
    private readonly List<string> _violations = [];
    private int _sequence;

    private FakeWeChatServer(WebApplication app, string appId, string secret)
    {
        _app = app;
        AppId = appId;
        Secret = secret;
        _apps[appId] = secret;
    }

    /// <summary>Another official account on the same platform, with its own credentials.</summary>
    public void AddApp(string appId, string secret)
    {
        lock (_lock)
        {
            _apps[appId] = secret;
        }
    }

    public string AppId { get; }

    public string Secret { get; }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>How long an issued token lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many polls of each publication answer <c>publish_status</c> 1 (发布中) before the final status.</summary>
    public int PendingPolls { get; set; }

    /// <summary>The status a publication ends in: 0 成功, or 2–6 for a failure (4 审核不通过).</summary>
    public int FinalPublishStatus { get; set; }

    /// <param name="port">The loopback port; 0 (the tests) takes any free one.</param>
    public static async Task<FakeWeChatServer> StartAsync(string appId = DefaultAppId, string secret = DefaultSecret, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FakeWeChatServer(app, appId, secret);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public IReadOnlyList<FakeCall> Calls { get { lock (_lock) { return [.. _calls]; } } }

    public IReadOnlyList<FakeArticle> Articles { get { lock (_lock) { return [.. _articles.Values]; } } }

    /// <summary>Every image uploaded through media/uploadimg, as received.</summary>
    public IReadOnlyList<byte[]> UploadedImages { get { lock (_lock) { return [.. _uploadedImages]; } } }

    /// <summary>Every permanent material (thumb or image), as received.</summary>
    public IReadOnlyList<(string Type, byte[] Bytes)> Materials { get { lock (_lock) { return [.. _materials.Values]; } } }

    /// <summary>What the real platform would have stripped from an article (see <see cref="ArticleRules"/>).</summary>
    public IReadOnlyList<string> Violations { get { lock (_lock) { return [.. _violations]; } } }

    public int CountCalls(string path) => Calls.Count(c => c.Path == path && c.ErrorCode == 0 && c.StatusCode == 200);

    /// <summary>Answers the next <paramref name="times"/> calls to <paramref name="path"/> (or any path, with "*") with <paramref name="failure"/>.</summary>
    public void FailNext(string path, FakeFailure failure, int times = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Add((path, failure));
            }
        }
    }

    /// <summary>Every token issued so far expires now: the next call with one is answered 42001.</summary>
    public void ExpireTokens()
    {
        lock (_lock)
        {
            foreach (var token in _tokens.Keys.ToList())
            {
                _tokens[token] = DateTime.MinValue;
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var query = context.Request.QueryString.Value ?? string.Empty;
        string? body = null;
        byte[]? upload = null;
        string? uploadType = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            if (form.Files.GetFile("media") is { } file)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                upload = buffer.ToArray();
                uploadType = file.ContentType;
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var failure = TakeFailure(path);
        if (failure is FakeFailure.Delay delay)
        {
            await Task.Delay(delay.Duration);
            failure = null;
        }

        TimeSpan? holdAnswer = null;
        if (failure is FakeFailure.AnswerLost lost)
        {
            holdAnswer = lost.Hold;
            failure = null;
        }

        int status = 200;
        JsonObject? answer;
        string? app = null;
        if (failure is FakeFailure.HttpStatus http)
        {
            status = http.StatusCode;
            answer = null;
        }
        else if (failure is FakeFailure.ErrorCode error)
        {
            answer = Error(error.Code, error.Message);
        }
        else
        {
            lock (_lock)
            {
                answer = Serve(path, context.Request.Query, body, upload, out app);
            }
        }

        var code = answer?["errcode"]?.GetValue<int>() ?? 0;
        lock (_lock)
        {
            _calls.Add(new FakeCall(path, query, body ?? (upload is null ? null : $"[{upload.Length} bytes {uploadType}]"), status, code, DateTime.UtcNow, app));
        }

        if (holdAnswer is { } hold)
        {
            try
            {
                // Until the node gives up on the answer (it is stopped, or its request times out): the hold must not
                // outlive the caller, or stopping this server waits for it (Kestrel lets a request finish for up to 30 s).
                await Task.Delay(hold, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // nobody is there to read the answer
            }
        }

        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
    }

    private FakeFailure? TakeFailure(string path)
    {
        lock (_lock)
        {
            var index = _failures.FindIndex(f => f.Path == path || f.Path == "*");
            if (index < 0)
            {
                return null;
            }

            var failure = _failures[index].Failure;
            _failures.RemoveAt(index);
            return failure;
        }
    }

    private JsonObject Serve(string path, IQueryCollection query, string? body, byte[]? upload, out string? app)
    {
        app = null;
        if (path is "/cgi-bin/stable_token")
        {
            return StableToken(body, out app);
        }

        if (path is "/cgi-bin/token")
        {
            app = query["appid"].ToString();
            return _apps.TryGetValue(app, out var secret) && query["secret"] == secret && query["grant_type"] == "client_credential"
                ? IssueToken(app, force: true)
                : Error(40013, "invalid appid");
        }

        var token = query["access_token"].ToString();
        if (token.Length == 0)
        {
            return Error(41001, "access_token missing");
        }

        if (!_tokens.TryGetValue(token, out var expires))
        {
            return Error(40001, "invalid credential, access_token is invalid or not latest");
        }

        if (expires <= DateTime.UtcNow)
        {
            return Error(42001, "access_token expired");
        }

        app = _tokenApps[token];

        if (path is "/cgi-bin/media/uploadimg" or "/cgi-bin/material/add_material")
        {
            return Upload(path, query["type"].ToString(), upload);
        }

        JsonObject? json;
        try
        {
            json = body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            return Error(47001, "data format error");
        }

        if (HasUnicodeEscapes(body!))
        {
            _violations.Add($"{path}: Chinese sent as \\u escapes");
        }

        return path switch
        {
            "/cgi-bin/draft/add" => AddDraft(json),
            "/cgi-bin/draft/get" => GetDraft(json),
            "/cgi-bin/draft/delete" => _drafts.Remove(Text(json, "media_id") ?? string.Empty) ? Ok() : Error(40007, "invalid media_id"),
            "/cgi-bin/freepublish/submit" => Submit(json, app),
            "/cgi-bin/freepublish/get" => GetPublish(json),
            "/cgi-bin/freepublish/batchget" => ListPublished(json, app),
            "/cgi-bin/freepublish/delete" => DeleteArticle(json, app),
            _ => Error(48001, "api unauthorized"),
        };
    }

    private JsonObject StableToken(string? body, out string? app)
    {
        app = null;
        var json = body is null ? null : JsonNode.Parse(body) as JsonObject;
        if (json is null || Text(json, "grant_type") != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }

        app = Text(json, "appid");
        if (app is null || !_apps.TryGetValue(app, out var secret) || Text(json, "secret") != secret)
        {
            return Error(40125, "invalid appsecret");
        }

        return IssueToken(app, json["force_refresh"]?.GetValue<bool>() == true);
    }

    private JsonObject IssueToken(string app, bool force)
    {
        // Like stable_token: the account's current token is handed out again while it is valid, unless a refresh is forced.
        if (force || !_current.TryGetValue(app, out var current) || _tokens[current] <= DateTime.UtcNow)
        {
            current = "TOKEN_" + Next();
            _current[app] = current;
            _tokens[current] = DateTime.UtcNow + TokenLifetime;
            _tokenApps[current] = app;
        }

        return new JsonObject { ["access_token"] = current, ["expires_in"] = (int)(_tokens[current] - DateTime.UtcNow).TotalSeconds };
    }

    private JsonObject Upload(string path, string type, byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return Error(41005, "media data missing");
        }

        var format = Format(bytes);
        if (path == "/cgi-bin/media/uploadimg")
        {
            if (format is not ("jpg" or "png"))
            {
                return Error(40005, "invalid file type");
            }

            if (bytes.Length > UploadImgMax)
            {
                return Error(40006, "invalid meida size");
            }

            var url = $"http://mmbiz.qpic.cn/mmbiz_jpg/fake{Next()}/0";
            _uploadedUrls.Add(url);
            _uploadedImages.Add(bytes);
            return new JsonObject { ["url"] = url };
        }

        var (allowed, max) = type switch
        {
            "thumb" => (new[] { "jpg" }, ThumbMax),
            "image" => (new[] { "jpg", "png", "gif", "bmp" }, ImageMax),
            _ => ([], 0),
        };
        if (allowed.Length == 0)
        {
            return Error(40004, "invalid media type");
        }

        if (!allowed.Contains(format))
        {
            return Error(40005, "invalid file type");
        }

        if (bytes.Length > max)
        {
            return Error(40006, "invalid meida size");
        }

        var mediaId = $"MEDIA_{type}_{Next()}";
        _materials[mediaId] = (type, bytes);
        return new JsonObject { ["media_id"] = mediaId, ["url"] = $"http://mmbiz.qpic.cn/mmbiz_jpg/{mediaId}/0" };
    }

    private JsonObject AddDraft(JsonObject json)
    {
        if (json["articles"] is not JsonArray { Count: >= 1 and <= 8 } articles)
        {
            return Error(47001, "data format error: articles must hold 1 to 8 articles");
        }

        foreach (var article in articles.OfType<JsonObject>())
        {
            var title = Text(article, "title");
            var content = Text(article, "content");
            var thumb = Text(article, "thumb_media_id");
            if (string.IsNullOrEmpty(title))
            {
                return Error(44003, "empty news data: title");
            }

            if (title.Length > 32)
            {
                return Error(45003, "title size out of limit");
            }

            if ((Text(article, "author") ?? string.Empty).Length > 16)
            {
                return Error(45110, "author size out of limit");
            }

            if ((Text(article, "digest") ?? string.Empty).Length > 128)
            {
                return Error(45004, "description size out of limit");
            }

            if (string.IsNullOrEmpty(content))
            {
                return Error(44004, "empty content");
            }

            if (content.Length >= 20_000 || Encoding.UTF8.GetByteCount(content) >= 1024 * 1024)
            {
                return Error(45002, "content size out of limit");
            }

            if (string.IsNullOrEmpty(thumb) || !_materials.ContainsKey(thumb))
            {
                return Error(40007, "invalid media_id: thumb_media_id");
            }

            _violations.AddRange(ArticleRules.Check(content, _uploadedUrls.Contains));
        }

        var mediaId = "DRAFT_" + Next();
        _drafts[mediaId] = (JsonArray)articles.DeepClone();
        return new JsonObject { ["media_id"] = mediaId };
    }

    private JsonObject GetDraft(JsonObject json) =>
        Text(json, "media_id") is { } draft && _drafts.TryGetValue(draft, out var articles)
            ? new JsonObject { ["news_item"] = articles.DeepClone() }
            : Error(40007, "invalid media_id");

    private JsonObject Submit(JsonObject json, string app)
    {
        // The platform takes the draft out of the draft box when it accepts it for publishing.
        var draft = Text(json, "media_id");
        if (draft is null || !_drafts.Remove(draft, out var articles))
        {
            return Error(40007, "invalid media_id");
        }

        var publishId = (100000000 + Next()).ToString(CultureInfo.InvariantCulture);
        _publishes[publishId] = new Publication(articles, 0, null, app);
        TryComplete(publishId);
        return new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["publish_id"] = publishId, ["msg_data_id"] = 2247483650L + Next() };
    }

    private JsonObject GetPublish(JsonObject json)
    {
        var publishId = Text(json, "publish_id");
        if (publishId is null || !_publishes.TryGetValue(publishId, out var publish))
        {
            return Error(40007, "invalid publish_id");
        }

        _publishes[publishId] = publish with { Polls = publish.Polls + 1 };
        if (publish.Polls < PendingPolls)
        {
            return new JsonObject { ["publish_id"] = publishId, ["publish_status"] = 1 };
        }

        if (FinalPublishStatus != 0)
        {
            return new JsonObject { ["publish_id"] = publishId, ["publish_status"] = FinalPublishStatus, ["fail_idx"] = new JsonArray(1) };
        }

        var articleId = TryComplete(publishId)!;
        return new JsonObject
        {
            ["publish_id"] = publishId,
            ["publish_status"] = 0,
            ["article_id"] = articleId,
            ["article_detail"] = new JsonObject
            {
                ["count"] = 1,
                ["item"] = new JsonArray(new JsonObject { ["idx"] = 1, ["article_url"] = _articles[articleId].Url }),
            },
            ["fail_idx"] = new JsonArray(),
        };
    }

    /// <summary>
    /// The publication's article once it has been polled past <see cref="PendingPolls"/> and succeeds; created
    /// once. Null while it is still 发布中 or when it ends in a failure status.
    /// </summary>
    private string? TryComplete(string publishId)
    {
        var publish = _publishes[publishId];
        if (publish.ArticleId is not null || publish.Polls < PendingPolls || FinalPublishStatus != 0)
        {
            return publish.ArticleId;
        }

        var articleId = "ARTICLE_" + publishId;
        var article = (JsonObject)publish.Articles[0]!;
        _articles[articleId] = new FakeArticle(articleId, $"https://mp.weixin.qq.com/s/fake-{publishId}", Text(article, "title")!, Text(article, "content")!,
            Text(article, "content_source_url"), Text(article, "thumb_media_id")!) { PublishedOrder = Next(), AppId = publish.AppId };
        _publishes[publishId] = publish with { ArticleId = articleId };
        return articleId;
    }

    /// <summary>
    /// <c>freepublish/batchget</c>: the published articles, newest first, <c>count</c> (1–20) from <c>offset</c>;
    /// <c>no_content</c> 1 leaves the bodies out. Each listing counts as a poll of the publications still 发布中, as
    /// time passing would on the platform.
    /// </summary>
    private JsonObject ListPublished(JsonObject json, string app)
    {
        var offset = json["offset"]?.GetValue<int>() ?? -1;
        var count = json["count"]?.GetValue<int>() ?? 0;
        if (offset < 0 || count is < 1 or > 20)
        {
            return Error(40097, "invalid args");
        }

        foreach (var (publishId, publish) in _publishes.ToList())
        {
            if (publish.ArticleId is null)
            {
                _publishes[publishId] = publish with { Polls = publish.Polls + 1 };
                TryComplete(publishId);
            }
        }

        var withContent = json["no_content"]?.GetValue<int>() != 1;
        var live = _articles.Values.Where(a => !a.Deleted && a.AppId == app).OrderByDescending(a => a.PublishedOrder).ToList();
        var items = new JsonArray();
        foreach (var article in live.Skip(offset).Take(count))
        {
            var news = new JsonObject
            {
                ["title"] = article.Title,
                ["content_source_url"] = article.ContentSourceUrl,
                ["thumb_media_id"] = article.ThumbMediaId,
                ["url"] = article.Url,
                ["is_deleted"] = false,
            };
            if (withContent)
            {
                news["content"] = article.Content;
            }

            items.Add(new JsonObject
            {
                ["article_id"] = article.ArticleId,
                ["content"] = new JsonObject { ["news_item"] = new JsonArray(news) },
                ["update_time"] = article.PublishedOrder,
            });
        }

        return new JsonObject { ["total_count"] = live.Count, ["item_count"] = items.Count, ["item"] = items };
    }

    private JsonObject DeleteArticle(JsonObject json, string app)
    {
        var articleId = Text(json, "article_id");
        if (articleId is null || !_articles.TryGetValue(articleId, out var article) || article.Deleted || article.AppId != app)
        {
            return Error(53600, "Article ID 无效");
        }

        article.Deleted = true;
        return Ok();
    }

    private int Next() => Interlocked.Increment(ref _sequence);

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Ok() => new() { ["errcode"] = 0, ["errmsg"] = "ok" };

    private static JsonObject Error(int code, string message) => new() { ["errcode"] = code, ["errmsg"] = message };

    private static string Format(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "jpg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "png",
        [0x47, 0x49, 0x46, 0x38, ..] => "gif",
        [0x42, 0x4D, ..] => "bmp",
        _ => "unknown",
    };

    /// <summary>A \u escape of a CJK character, which the platform asks senders not to use.</summary>
    private static bool HasUnicodeEscapes(string body) =>
        System.Text.RegularExpressions.Regex.IsMatch(body, @"\\u[4-9][0-9a-fA-F]{3}");

    /// <summary>A submitted draft's articles, how often it was polled, and its article once published.</summary>
    private sealed record Publication(JsonArray Articles, int Polls, string? ArticleId, string AppId);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
