using Disclosure.Channels.Outbox;
using Disclosure.Channels.WeChat;
using Disclosure.Channels.Webhooks;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels;

/// <summary>
/// Checks <c>Channels:WeChat</c> at start-up (ValidateOnStart), so a mistake in the per-agency accounts stops the
/// site with a message naming the key, rather than an agency's items silently going to no account or another's.
/// Whether a named agency exists is not checked here (the database may not be set up yet): the 发布渠道 page lists
/// every agency with its accounts.
/// </summary>
public sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId) != string.IsNullOrWhiteSpace(options.AppSecret))
        {
            errors.Add("Channels:WeChat:AppId 与 Channels:WeChat:AppSecret 须同时设置（本机关的公众号），或同时留空。");
        }

        var agencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var appIds = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.IsConfigured)
        {
            appIds[options.AppId!.Trim()] = "Channels:WeChat:AppId";
        }

        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var key = $"Channels:WeChat:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(account.AppId) || string.IsNullOrWhiteSpace(account.AppSecret))
            {
                errors.Add($"{key}：须设置 AppId 与 AppSecret。");
            }
            else if (!appIds.TryAdd(account.AppId.Trim(), key))
            {
                errors.Add($"{key}：AppId“{account.AppId.Trim()}”与 {appIds[account.AppId.Trim()]} 重复；一个公众号只配置一次，多个机构共用时在 Agencies 中列出。");
            }

            var codes = account.AgencyCodes().ToList();
            if (codes.Count == 0)
            {
                errors.Add($"{key}：须用 Agency（或 Agencies）指明发布哪个机构的信息；本机关的公众号也可用 Channels:WeChat:AppId 与 AppSecret。");
            }

            if (codes.Contains(ChannelTarget.EveryAgencyCode))
            {
                errors.Add($"{key}：公众号须列出具体机构，不能用“*”（每个机构至多一个公众号）。");
            }

            foreach (var code in codes.Where(c => c != ChannelTarget.EveryAgencyCode))
            {
                if (!agencies.TryAdd(code, i))
                {
                    errors.Add($"{key}：机构 {code} 已由 Channels:WeChat:Accounts:{agencies[code]} 配置；每个机构至多一个公众号。");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Checks <c>Channels:Webhooks</c> at start-up: every endpoint complete and named once.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            var endpoint = options.Endpoints[i];
            var key = $"Channels:Webhooks:Endpoints:{i}";
            var empty = endpoint.Name.Length == 0 && endpoint.Url.Length == 0 && endpoint.Secret.Length == 0 && !endpoint.AgencyCodes().Any();
            if (empty)
            {
                continue; // an unused slot (e.g. an environment variable left blank)
            }

            if (endpoint.Name.Length == 0 || endpoint.Url.Length == 0)
            {
                errors.Add($"{key}：须设置 Name 与 Url。");
            }
            else if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add($"{key}：Url“{endpoint.Url}”不是 http 或 https 地址。");
            }

            if (endpoint.Name.Length > 0 && !names.TryAdd(endpoint.Name, i))
            {
                errors.Add($"{key}：名称“{endpoint.Name}”与 Channels:Webhooks:Endpoints:{names[endpoint.Name]} 重复；名称在推送记录中标识推送地址，须唯一。");
            }

            if (endpoint.Name.Length > 64)
            {
                errors.Add($"{key}：名称“{endpoint.Name}”超过 64 个字符。");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>
/// Checks <c>Channels:Weibo</c> at start-up: the app's two keys together, every further account named once (letters,
/// digits, '-' and '_', at most 64) with its agencies, at most one account per agency, the addresses absolute.
/// </summary>
public sealed partial class WeiboOptionsValidator : IValidateOptions<Weibo.WeiboOptions>
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex AccountName();

    public ValidateOptionsResult Validate(string? name, Weibo.WeiboOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppKey) != string.IsNullOrWhiteSpace(options.AppSecret))
        {
            errors.Add("Channels:Weibo:AppKey 与 Channels:Weibo:AppSecret 须同时设置（微博应用），或同时留空。");
        }

        if (!options.IsConfigured && options.Accounts.Count > 0)
        {
            errors.Add("Channels:Weibo:Accounts 须配合 Channels:Weibo:AppKey 与 AppSecret 使用（各账号都经同一个微博应用授权）。");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add($"Channels:Weibo:BaseUrl“{options.BaseUrl}”不是 http 或 https 地址。");
        }

        if (!string.IsNullOrWhiteSpace(options.RedirectUri)
            && (!Uri.TryCreate(options.RedirectUri.Trim(), UriKind.Absolute, out var redirect) || redirect.Scheme is not ("http" or "https")))
        {
            errors.Add($"Channels:Weibo:RedirectUri“{options.RedirectUri}”不是 http 或 https 地址（应为应用设置的授权回调页，路径 {Weibo.WeiboAuthorisation.CallbackPath}）。");
        }

        if (!string.IsNullOrWhiteSpace(options.Rip) && !System.Net.IPAddress.TryParse(options.Rip.Trim(), out _))
        {
            errors.Add($"Channels:Weibo:Rip“{options.Rip}”不是 IP 地址。");
        }

        if (options.TimeoutSeconds <= 0 || options.LookupCount is < 1 or > 100 || options.ExpiryWarningDays < 0)
        {
            errors.Add("Channels:Weibo：TimeoutSeconds 须大于 0，LookupCount 须在 1 到 100 之间，ExpiryWarningDays 不能为负。");
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var agencies = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var key = $"Channels:Weibo:Accounts:{i}";
            var accountName = account.Name?.Trim() ?? string.Empty;
            if (!AccountName().IsMatch(accountName))
            {
                errors.Add($"{key}：须设置 Name（字母、数字、“-”或“_”，至多 64 个），用来在推送记录中标识账号。");
            }
            else if (!names.TryAdd(accountName, i))
            {
                errors.Add($"{key}：Name“{accountName}”与 Channels:Weibo:Accounts:{names[accountName]} 重复。");
            }

            var codes = account.AgencyCodes().ToList();
            if (codes.Count == 0)
            {
                errors.Add($"{key}：须用 Agency（或 Agencies）指明发布哪个机构的信息；本机关的账号无须列出（设置 AppKey 与 AppSecret 即有）。");
            }

            if (codes.Contains(ChannelTarget.EveryAgencyCode))
            {
                errors.Add($"{key}：微博账号须列出具体机构，不能用“*”（每个机构至多一个账号）。");
            }

            foreach (var code in codes.Where(c => c != ChannelTarget.EveryAgencyCode))
            {
                if (!agencies.TryAdd(code, i))
                {
                    errors.Add($"{key}：机构 {code} 已由 Channels:Weibo:Accounts:{agencies[code]} 配置；每个机构至多一个微博账号。");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
