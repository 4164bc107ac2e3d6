using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.FakeWeibo;

/// <summary>
/// The fake Weibo open platform on a loopback port. It serves, as the reference describes them:
/// <list type="bullet">
/// <item><c>GET /oauth2/authorize</c> — the authorisation page. The fake plays the person at the browser: it
/// approves at once as <see cref="AuthorisingUid"/> and redirects to <c>redirect_uri</c> with <c>code</c> and
/// <c>state</c> (or <c>error=access_denied</c> after <see cref="DenyNextAuthorisation"/>).</item>
/// <item><c>POST /oauth2/access_token</c> — code for token (single use, 10 minutes, same redirect_uri); tokens live
/// <see cref="TokenLifetime"/>. <c>POST /oauth2/get_token_info</c> — the time a token has left.</item>
/// <item><c>POST /2/statuses/share.json</c> — checks the token, <c>status</c> (≤ 140 字 counted as
/// <see cref="WeiboRules"/>, no <c>#话题#</c>, a link on <see cref="SafeDomain"/>), <c>rip</c>, the picture (JPEG/PNG/GIF,
/// under 5 MB) and repeats (20019), then posts.</item>
/// <item><c>POST /2/statuses/destroy.json</c> — deletes one of the account's own posts (20101, 20102 otherwise).</item>
/// <item><c>GET /2/statuses/user_timeline.json</c> — the account's own newest posts (<c>count</c> ≤ 100, <c>page</c>),
/// as the platform lets an app read its authorised user's posts. The channel uses it to find a post whose answer
/// was lost.</item>
/// </list>
/// Errors are the platform's JSON, <c>{"request":…,"error_code":"20019","error":…}</c>. Faults on demand:
/// <see cref="FailNext"/> (an error code, a delay past the client's timeout, an answer lost after posting) and
/// <see cref="ExpireTokens"/>.
/// </summary>
public sealed class FakeWeiboServer : IAsyncDisposable
{
    public const string DefaultAppKey = "3141592653";
    public const string DefaultAppSecret = "fake-weibo-app-secret";
    public const string DefaultUid = "5720000001";

    private const int PictureMax = 5 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FakeWeiboCall> _calls = [];
    private readonly List<(string Path, FakeWeiboFailure Failure)> _failures = [];
    private readonly Dictionary<string, (string Uid, DateTime ExpiresUtc)> _tokens = [];
    private readonly Dictionary<string, (string Uid, string RedirectUri, DateTime ExpiresUtc)> _codes = [];
    private readonly List<FakeWeiboPost> _posts = [];
    private readonly Dictionary<string, string> _screenNames = new() { [DefaultUid] = "平安永宁" };
    private long _sequence = 4_980_000_000_000_000;
    private bool _denyNext;

    private FakeWeiboServer(WebApplication app, string appKey, string appSecret)
    {
        _app = app;
        AppKey = appKey;
        AppSecret = appSecret;
    }

    public string AppKey { get; }

    public string AppSecret { get; }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The app's 安全域名: a status must link to this host; null accepts a link to any host.</summary>
    public string? SafeDomain { get; set; }

    /// <summary>The account the person at the browser is logged in as when they authorise.</summary>
    public string AuthorisingUid { get; set; } = DefaultUid;

    /// <summary>How long an issued token lives (the platform gives days to months by the app's level).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<FakeWeiboCall> Calls { get { lock (_lock) { return [.. _calls]; } } }

    public IReadOnlyList<FakeWeiboPost> Posts { get { lock (_lock) { return [.. _posts]; } } }

    /// <summary>The calls to <paramref name="path"/> that the fake served (not an error).</summary>
    public int CountServed(string path) => Calls.Count(c => c.Path == path && c.ErrorCode == 0 && c.StatusCode == 200);

    /// <param name="port">The loopback port; 0 (the tests) takes any free one.</param>
    public static async Task<FakeWeiboServer> StartAsync(string appKey = DefaultAppKey, string appSecret = DefaultAppSecret, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FakeWeiboServer(app, appKey, appSecret);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Another account a person may log in as to authorise (the fake's <see cref="AuthorisingUid"/>).</summary>
    public void AddUser(string uid, string screenName)
    {
        lock (_lock)
        {
            _screenNames[uid] = screenName;
        }
    }

    /// <summary>Answers the next <paramref name="times"/> calls to <paramref name="path"/> (or any path, with "*") with <paramref name="failure"/>.</summary>
    public void FailNext(string path, FakeWeiboFailure failure, int times = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Add((path, failure));
            }
        }
    }

    /// <summary>Every token issued so far expires now: the next call with one is answered 21327 expired_token.</summary>
    public void ExpireTokens()
    {
        lock (_lock)
        {
            foreach (var token in _tokens.Keys.ToList())
            {
                _tokens[token] = (_tokens[token].Uid, DateTime.MinValue);
            }
        }
    }

    /// <summary>The person at the browser refuses the next authorisation.</summary>
    public void DenyNextAuthorisation()
    {
        lock (_lock)
        {
            _denyNext = true;
        }
    }

    /// <summary>A token for <paramref name="uid"/> without the browser flow, for tests of posting.</summary>
    public string IssueToken(string uid = DefaultUid)
    {
        lock (_lock)
        {
            var token = "2.00" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            _tokens[token] = (uid, DateTime.UtcNow + TokenLifetime);
            return token;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            fields[key] = value.ToString();
        }

        byte[]? picture = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            if (form.Files.GetFile("pic") is { } file)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                picture = buffer.ToArray();
            }
        }

        var failure = TakeFailure(path);
        if (failure is FakeWeiboFailure.Delay delay)
        {
            await Task.Delay(delay.Duration);
            failure = null;
        }

        TimeSpan? hold = null;
        if (failure is FakeWeiboFailure.AnswerLost lost)
        {
            hold = lost.Hold;
            failure = null;
        }

        Answer answer;
        string? uid = null;
        if (failure is FakeWeiboFailure.ErrorCode error)
        {
            answer = Error(path, error.Code, error.Error, error.Status);
        }
        else if (failure is FakeWeiboFailure.HttpStatus http)
        {
            answer = new Answer(http.StatusCode, null, 0, null);
        }
        else
        {
            lock (_lock)
            {
                answer = Serve(context.Request.Method, path, fields, picture, out uid);
            }
        }

        lock (_lock)
        {
            _calls.Add(new FakeWeiboCall(path, fields, picture, answer.Status, answer.ErrorCode, DateTime.UtcNow, uid));
        }

        if (hold is { } wait)
        {
            try
            {
                // Until the node gives up on the answer (it is stopped, or its request times out): the hold must not
                // outlive the caller, or stopping this server waits for it (Kestrel lets a request finish for up to 30 s).
                await Task.Delay(wait, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // nobody is there to read the answer
            }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Location is { } location)
        {
            context.Response.Headers.Location = location;
            return;
        }

        if (answer.Json is null)
        {
            await context.Response.WriteAsync("<html><body>Bad Gateway</body></html>");
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private FakeWeiboFailure? TakeFailure(string path)
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

    private Answer Serve(string method, string path, Dictionary<string, string> fields, byte[]? picture, out string? uid)
    {
        uid = null;
        switch (path)
        {
            case "/oauth2/authorize" when method == "GET":
                return Authorize(fields, out uid);
            case "/oauth2/access_token" when method == "POST":
                return AccessToken(path, fields, out uid);
        }

        var token = fields.GetValueOrDefault("access_token") ?? string.Empty;
        if (!_tokens.TryGetValue(token, out var held))
        {
            return Error(path, 21332, "invalid_access_token");
        }

        uid = held.Uid;
        if (held.ExpiresUtc <= DateTime.UtcNow)
        {
            return Error(path, 21327, "expired_token");
        }

        return (method, path) switch
        {
            ("POST", "/oauth2/get_token_info") => Ok(new JsonObject
            {
                ["uid"] = held.Uid,
                ["appkey"] = AppKey,
                ["scope"] = null,
                ["create_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["expire_in"] = (long)(held.ExpiresUtc - DateTime.UtcNow).TotalSeconds,
            }),
            ("POST", "/2/statuses/share.json") => Share(path, held.Uid, fields, picture),
            ("POST", "/2/statuses/destroy.json") => Destroy(path, held.Uid, fields),
            ("GET", "/2/statuses/user_timeline.json") => Timeline(path, held.Uid, fields),
            _ => Error(path, 10020, "Request Api not found!", 404),
        };
    }

    private Answer Authorize(Dictionary<string, string> fields, out string? uid)
    {
        uid = AuthorisingUid;
        var redirect = fields.GetValueOrDefault("redirect_uri");
        if (fields.GetValueOrDefault("client_id") != AppKey || fields.GetValueOrDefault("response_type") != "code"
            || redirect is null || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            return Error("/oauth2/authorize", 21323, "invalid_request");
        }

        var state = fields.TryGetValue("state", out var s) ? "&state=" + Uri.EscapeDataString(s) : string.Empty;
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        if (_denyNext)
        {
            _denyNext = false;
            return new Answer(302, null, 0, $"{redirect}{separator}error=access_denied&error_code=21330{state}");
        }

        var code = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        _codes[code] = (AuthorisingUid, redirect, DateTime.UtcNow.AddMinutes(10));
        return new Answer(302, null, 0, $"{redirect}{separator}code={code}{state}");
    }

    private Answer AccessToken(string path, Dictionary<string, string> fields, out string? uid)
    {
        uid = null;
        if (fields.GetValueOrDefault("client_id") != AppKey || fields.GetValueOrDefault("client_secret") != AppSecret)
        {
            return Error(path, 21324, "invalid_client");
        }

        if (fields.GetValueOrDefault("grant_type") != "authorization_code")
        {
            return Error(path, 21328, "unsupported_grant_type");
        }

        // A code is spent by its first use, right or wrong.
        if (!_codes.Remove(fields.GetValueOrDefault("code") ?? string.Empty, out var grant) || grant.ExpiresUtc < DateTime.UtcNow)
        {
            return Error(path, 21325, "invalid_grant");
        }

        if (fields.GetValueOrDefault("redirect_uri") != grant.RedirectUri)
        {
            return Error(path, 21322, "redirect_uri_mismatch");
        }

        uid = grant.Uid;
        var token = "2.00" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        _tokens[token] = (grant.Uid, DateTime.UtcNow + TokenLifetime);
        var seconds = (long)TokenLifetime.TotalSeconds;
        return Ok(new JsonObject { ["access_token"] = token, ["remind_in"] = seconds.ToString(CultureInfo.InvariantCulture), ["expires_in"] = seconds, ["uid"] = grant.Uid, ["isRealName"] = "true" });
    }

    private Answer Share(string path, string uid, Dictionary<string, string> fields, byte[]? picture)
    {
        var status = fields.GetValueOrDefault("status");
        if (status is null)
        {
            return Error(path, 10016, "Miss required parameter (status) , see doc for more info.");
        }

        if (string.IsNullOrWhiteSpace(status))
        {
            return Error(path, 20008, "Content is null!");
        }

        if (!fields.TryGetValue("rip", out var rip) || !IPAddress.TryParse(rip, out _))
        {
            return Error(path, 10016, "Miss required parameter (rip) , see doc for more info.");
        }

        if (WeiboRules.Length(status) > 140)
        {
            return Error(path, 20012, "Text too long, please input text less than 140 characters!");
        }

        if (WeiboRules.HasTopic(status))
        {
            return Error(path, 10017, "Parameter (status)'s value invalid: topics (#…#) are not allowed for this app.");
        }

        if (!WeiboRules.LinksTo(status, SafeDomain))
        {
            return Error(path, 10017, $"Parameter (status)'s value invalid: it must contain a link on the app's safe domain ({SafeDomain ?? "any"}).");
        }

        if (picture is not null)
        {
            if (WeiboRules.PictureFormat(picture) is null)
            {
                return Error(path, 20005, "Unsupported image type, only suport JPG, GIF, PNG!");
            }

            if (picture.Length >= PictureMax)
            {
                return Error(path, 20006, "Image size too large.");
            }
        }

        if (_posts.Any(p => p.Uid == uid && !p.Deleted && p.Text == status && p.CreatedUtc > DateTime.UtcNow.AddDays(-1)))
        {
            return Error(path, 20019, "Repeat content!");
        }

        var post = new FakeWeiboPost((++_sequence).ToString(CultureInfo.InvariantCulture), uid, status, picture, rip, DateTime.UtcNow);
        _posts.Add(post);
        return Ok(StatusJson(post));
    }

    private Answer Destroy(string path, string uid, Dictionary<string, string> fields)
    {
        var post = _posts.FirstOrDefault(p => p.IdStr == fields.GetValueOrDefault("id") && !p.Deleted);
        if (post is null)
        {
            return Error(path, 20101, "Target weibo does not exist!");
        }

        if (post.Uid != uid)
        {
            return Error(path, 20102, "Not your own weibo!");
        }

        post.Deleted = true;
        return Ok(StatusJson(post));
    }

    private Answer Timeline(string path, string uid, Dictionary<string, string> fields)
    {
        if (fields.TryGetValue("uid", out var asked) && asked != uid)
        {
            return Error(path, 21335, "Request uid's value must be the current user.");
        }

        var count = int.TryParse(fields.GetValueOrDefault("count"), out var c) ? c : 20;
        var page = int.TryParse(fields.GetValueOrDefault("page"), out var p) ? p : 1;
        if (count is < 1 or > 100 || page < 1)
        {
            return Error(path, 10017, "Parameter (count)'s value invalid.");
        }

        var own = _posts.Where(x => x.Uid == uid && !x.Deleted).OrderByDescending(x => long.Parse(x.IdStr, CultureInfo.InvariantCulture)).ToList();
        return Ok(new JsonObject
        {
            ["statuses"] = new JsonArray(own.Skip((page - 1) * count).Take(count).Select(x => (JsonNode)StatusJson(x)).ToArray()),
            ["total_number"] = own.Count,
        });
    }

    private JsonObject StatusJson(FakeWeiboPost post) => new()
    {
        ["created_at"] = post.CreatedUtc.AddHours(8).ToString("ddd MMM dd HH:mm:ss '+0800' yyyy", CultureInfo.InvariantCulture),
        ["id"] = long.Parse(post.IdStr, CultureInfo.InvariantCulture),
        ["idstr"] = post.IdStr,
        ["mid"] = post.IdStr,
        ["text"] = post.Text,
        ["original_pic"] = post.Picture is null ? null : $"https://wx1.sinaimg.cn/large/fake{post.IdStr}.jpg",
        ["user"] = new JsonObject { ["id"] = long.Parse(post.Uid, CultureInfo.InvariantCulture), ["idstr"] = post.Uid, ["screen_name"] = _screenNames.GetValueOrDefault(post.Uid, post.Uid) },
    };

    private static Answer Ok(JsonObject json) => new(200, json, 0, null);

    private static Answer Error(string path, int code, string error, int status = 400) =>
        new(status, new JsonObject { ["request"] = path, ["error_code"] = code.ToString(CultureInfo.InvariantCulture), ["error"] = error }, code, null);

    private sealed record Answer(int Status, JsonObject? Json, int ErrorCode, string? Location);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
