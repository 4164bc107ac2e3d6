namespace Disclosure.ApiClients;

/// <summary>
/// What a client may be granted. Each scope opens a set of endpoints; none opens a review decision, publication or
/// withdrawal — review before publication stays with people.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read the client's own agency's drafts (REST and GraphQL).</summary>
    public const string ReadDrafts = "content:read-drafts";

    /// <summary>Create and update drafts and send them into review (上报).</summary>
    public const string WriteContent = "content:write";

    /// <summary>Upload attachments.</summary>
    public const string WriteMedia = "media:write";

    /// <summary>Import 双公示 decisions in bulk.</summary>
    public const string ImportCredit = "credit:import";

    /// <summary>Import enforcement case events in bulk.</summary>
    public const string ImportCases = "cases:import";

    /// <summary>Read the 依申请公开 statistics.</summary>
    public const string ReadRequestStatistics = "requests:read-stats";

    /// <summary>Manage the app channel's webhook subscriptions.</summary>
    public const string ManageWebhooks = "webhooks:manage";

    public static IReadOnlyList<(string Name, string DisplayName)> All { get; } =
    [
        (ReadDrafts, "读取本机构草稿"),
        (WriteContent, "新建、修改草稿并上报审核"),
        (WriteMedia, "上传附件"),
        (ImportCredit, "批量导入双公示信息"),
        (ImportCases, "批量导入执法案件办理环节"),
        (ReadRequestStatistics, "读取依申请公开统计"),
        (ManageWebhooks, "管理应用推送订阅（Webhook）"),
    ];

    public static bool IsKnown(string scope) => All.Any(s => s.Name == scope);

    public static string DisplayName(string scope) => All.FirstOrDefault(s => s.Name == scope).DisplayName ?? scope;

    /// <summary>Splits an OAuth2 scope string (space-separated).</summary>
    public static IReadOnlySet<string> Parse(string? scopes) =>
        (scopes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The canonical form stored and issued: known scopes in <see cref="All"/>'s order.</summary>
    public static string Join(IEnumerable<string> scopes)
    {
        var set = scopes.ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', All.Select(s => s.Name).Where(set.Contains));
    }
}
