using System.Globalization;
using Disclosure.FakeWeibo;

// A local stand-in for the Weibo open platform: prints the settings that point a Disclosure site at it, then logs
// every call it serves until Ctrl+C. Options: --port N (default 5281), --appkey X, --secret Y, --safe-domain HOST
// (the app's 安全域名: posts must link there; default any host), --uid N and --name 名称 (the account the
// "person at the browser" authorises as).
var port = int.Parse(Option("--port") ?? "5281", CultureInfo.InvariantCulture);
await using var fake = await FakeWeiboServer.StartAsync(Option("--appkey") ?? FakeWeiboServer.DefaultAppKey, Option("--secret") ?? FakeWeiboServer.DefaultAppSecret, port);
fake.SafeDomain = Option("--safe-domain");
if (Option("--uid") is { } uid)
{
    fake.AddUser(uid, Option("--name") ?? uid);
    fake.AuthorisingUid = uid;
}

Console.WriteLine($"模拟微博开放平台已启动：{fake.BaseUrl}（授权时自动以 uid {fake.AuthorisingUid} 同意）");
Console.WriteLine("在站点的配置中加入以下设置（或作为命令行参数）后重启站点，再到 发布渠道—政务微博 点击“授权”：");
Console.WriteLine($"  --Channels:Weibo:BaseUrl={fake.BaseUrl}");
Console.WriteLine($"  --Channels:Weibo:AppKey={fake.AppKey}");
Console.WriteLine($"  --Channels:Weibo:AppSecret={fake.AppSecret}");
Console.WriteLine("发布的微博只保存在本进程内存中；按 Ctrl+C 退出。");

using var stop = new CancellationTokenSource();

// Ctrl+C and SIGTERM end the loop below (the fake's own web host would otherwise take them and leave it running).
void Stop(System.Runtime.InteropServices.PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);

var shown = 0;
try
{
    while (!stop.IsCancellationRequested)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500), stop.Token);
        var calls = fake.Calls;
        foreach (var call in calls.Skip(shown))
        {
            var status = call.Path == "/2/statuses/share.json" && call.Fields.TryGetValue("status", out var text) ? " " + text : null;
            Console.WriteLine($"{call.AtUtc.ToLocalTime():HH:mm:ss} {call.Uid} {call.Path} → HTTP {call.StatusCode}{(call.ErrorCode == 0 ? null : $" error_code {call.ErrorCode}")}{status}");
        }

        shown = calls.Count;
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C
}

foreach (var post in fake.Posts)
{
    Console.WriteLine($"微博 {post.Url}{(post.Deleted ? "（已删除）" : null)}：{post.Text}");
}

return;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
