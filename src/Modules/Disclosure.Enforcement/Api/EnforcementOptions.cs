using System.Text.RegularExpressions;
using Disclosure.ApiClients.Clients;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Api;

/// <summary>The <c>Enforcement</c> section: the case-handling systems allowed to call the import API.</summary>
public sealed class EnforcementOptions
{
    public const string SectionName = "Enforcement";

    public List<EnforcementSource> Sources { get; set; } = [];

    public EnforcementSource? FindSource(string? name) =>
        name is null ? null : Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

/// <summary>A case-handling system (执法办案系统): the name it signs as, stored as each event's source, and its HMAC key.</summary>
public sealed class EnforcementSource
{
    /// <summary>Letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, at most 32; <c>upload</c> is the admin upload's own.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The shared HMAC-SHA256 key, base64, at least 32 bytes.</summary>
    public string Key { get; set; } = string.Empty;

    public byte[] KeyBytes() => Convert.FromBase64String(Key);
}

/// <summary>Refuses to start with a source the API could not authenticate safely; messages in zh-CN.</summary>
public sealed partial class EnforcementOptionsValidator : IValidateOptions<EnforcementOptions>
{
    public const int MinKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, EnforcementOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var where = $"Enforcement:Sources:{i}";
            var sourceName = source.Name ?? string.Empty;
            if (!SourceName().IsMatch(sourceName))
            {
                failures.Add($"{where}:Name“{source.Name}”无效：来源名称须为 1 至 32 位字母、数字、点、下划线或连字符。");
            }
            else if (string.Equals(sourceName, CaseEventSources.Upload, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{where}:Name 不能为“{CaseEventSources.Upload}”：该名称留给后台上传的文件。");
            }
            else if (sourceName.StartsWith(CaseEventSources.ClientIdPrefix, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{where}:Name“{source.Name}”无效：以“{CaseEventSources.ClientIdPrefix}”开头的名称留给接口客户端（台账中记为 api:客户端标识）。");
            }
            else if (!seen.Add(sourceName))
            {
                failures.Add($"{where}:Name“{source.Name}”重复：每个来源系统的名称须唯一。");
            }

            byte[]? key = null;
            try
            {
                key = string.IsNullOrWhiteSpace(source.Key) ? null : source.KeyBytes();
            }
            catch (FormatException)
            {
                // reported below
            }

            if (key is null || key.Length < MinKeyBytes)
            {
                failures.Add($"{where}:Key 无效：来源“{source.Name}”的密钥须为 Base64 编码、至少 {MinKeyBytes} 字节的随机值（如 openssl rand -base64 32 生成）。");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex SourceName();
}

/// <summary>How an event's <c>Source</c> names where it came from.</summary>
public static class CaseEventSources
{
    /// <summary>A table uploaded in the admin without naming a source system: one namespace for every staff member's files.</summary>
    public const string Upload = "upload";

    /// <summary>The actor recorded (RecordedBy, 台账) for a call of a source system.</summary>
    public static string ApiActor(string source) => ApiClientLedgerActions.ActorPrefix + source;

    /// <summary>
    /// An API client's events (<c>cases:import</c>): the client is its own source, named as the 台账 names it
    /// (<c>api-client:{clientId}</c>). A configured source's name cannot hold a colon, so the two never share the
    /// namespace of <c>sourceEventId</c>; the client's actor is <c>api:{clientId}</c>.
    /// </summary>
    public static string Client(string clientId) => ApiClientLedgerActions.Subject(clientId);

    /// <summary>How API clients' ids begin (<c>client-…</c>); a source so named would be taken for a client in the 台账.</summary>
    internal const string ClientIdPrefix = "client-";
}
