namespace Disclosure.ApiClients;

/// <summary>The <c>ApiClients</c> section: limits and lifetimes of client access.</summary>
public sealed class ApiClientOptions
{
    public const string SectionName = "ApiClients";

    /// <summary>Sustained requests per minute per client, unless the client has its own figure.</summary>
    public int PermitsPerMinute { get; set; } = 300;

    /// <summary>How many requests a client may make at once before the rate applies (a batch of uploads).</summary>
    public int Burst { get; set; } = 60;

    /// <summary>How long an access token from the token endpoint lives, in minutes (OAuth2 <c>expires_in</c>).</summary>
    public int TokenLifetimeMinutes { get; set; } = 10;

    /// <summary>The longest a personal access token may be issued for, in days.</summary>
    public int PersonalAccessTokenMaxDays { get; set; } = 366;

    /// <summary>How long an idempotency key is remembered, in hours.</summary>
    public int IdempotencyKeyHours { get; set; } = 24;

    /// <summary>
    /// The file holding the key access tokens are signed with; by default <c>keys/api-token-signing.key</c> in the data
    /// folder. Every node must read the same file (as with the data-protection keys).
    /// </summary>
    public string? SigningKeyFile { get; set; }
}
