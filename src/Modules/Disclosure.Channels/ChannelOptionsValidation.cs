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
