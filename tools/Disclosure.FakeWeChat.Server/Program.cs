using System.Globalization;
using Disclosure.FakeWeChat;

// A local stand-in for the WeChat platform: prints the settings that point a Disclosure site at it, then logs every
// call it serves until Ctrl+C. Options: --port N (default 5280), --appid X, --secret Y, and for each agency's own
// official account (集约化) --agency-account CODE=APPID:SECRET (repeatable), e.g. --agency-account 150627-103=wxyjhlq:s1.
var port = int.Parse(Option("--port") ?? "5280", CultureInfo.InvariantCulture);
await using var fake = await FakeWeChatServer.StartAsync(Option("--appid") ?? FakeWeChatServer.DefaultAppId, Option("--secret") ?? FakeWeChatServer.DefaultSecret, port);

Console.WriteLine($"模拟微信公众平台已启动：{fake.BaseUrl}");
Console.WriteLine("在站点的配置中加入以下设置（或作为命令行参数）后重启站点：");
Console.WriteLine($"  --Channels:WeChat:BaseUrl={fake.BaseUrl}");
Console.WriteLine($"  --Channels:WeChat:AppId={fake.AppId}");
Console.WriteLine($"  --Channels:WeChat:AppSecret={fake.Secret}");
var accounts = args.Select((a, i) => (a, i)).Where(x => x.a == "--agency-account" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
for (var n = 0; n < accounts.Count; n++)
{
    var (agency, rest) = (accounts[n].Split('=', 2)[0], accounts[n].Split('=', 2).ElementAtOrDefault(1) ?? string.Empty);
    var (appId, secret) = (rest.Split(':', 2)[0], rest.Split(':', 2).ElementAtOrDefault(1) ?? FakeWeChatServer.DefaultSecret);
    fake.AddApp(appId, secret);
    Console.WriteLine($"  --Channels:WeChat:Accounts:{n}:Agency={agency} --Channels:WeChat:Accounts:{n}:AppId={appId} --Channels:WeChat:Accounts:{n}:AppSecret={secret}");
}

Console.WriteLine("发布的文章只保存在本进程内存中；按 Ctrl+C 退出。");

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
            Console.WriteLine($"{call.AtUtc.ToLocalTime():HH:mm:ss} {call.AppId} {call.Path} → HTTP {call.StatusCode}{(call.ErrorCode == 0 ? null : $" errcode {call.ErrorCode}")}");
        }

        shown = calls.Count;
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C
}

foreach (var article in fake.Articles)
{
    Console.WriteLine($"文章 {article.ArticleId}（{article.AppId}）{(article.Deleted ? "（已删除）" : null)}：{article.Title} {article.Url}");
}
return;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
