using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.ApiClients.Data;

/// <summary>
/// A registered API client (接口客户端, table ApiClients): a system that calls the API as itself, for one agency and
/// the department it drafts for. Only a hash of its secret is kept; the secret is shown once, at registration or
/// rotation. Never deleted: the 台账 names it by <see cref="ClientId"/> for as long as the 台账 is kept.
/// </summary>
public sealed class ApiClientRecord : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The public identifier the client authenticates with (<c>client_id</c>), e.g. <c>oa-3f9k2m7q</c>.</summary>
    public required string ClientId { get; set; }

    public required string Name { get; set; }

    /// <summary>The agency the client works for (never empty: a client without one would see every agency's drafts).</summary>
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>The department its drafts belong to (谁公开，谁上报), or null for the agency's own items.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>Granted scopes, space-separated as in OAuth2 (<see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; set; }

    /// <summary>SHA-256 of the current secret, hex. The secret is 256 random bits, so a slow hash adds nothing.</summary>
    public required string SecretHash { get; set; }

    /// <summary>
    /// Raised by each rotation and carried in every access token issued, so rotating the secret ends the tokens issued
    /// under the old one at once rather than when they expire.
    /// </summary>
    public int SecretGeneration { get; set; } = 1;

    /// <summary>Requests per minute; null for the installation's default (<c>ApiClients:PermitsPerMinute</c>).</summary>
    public int? PermitsPerMinute { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime SecretRotatedUtc { get; set; }

    /// <summary>停用: set once; a revoked client's secret, tokens and personal access tokens are refused from then on.</summary>
    public DateTime? RevokedUtc { get; set; }

    public string? RevokedBy { get; set; }

    public List<PersonalAccessTokenRecord> Tokens { get; set; } = [];

    public IReadOnlySet<string> ScopeSet => ApiScopes.Parse(Scopes);

    public bool IsRevoked => RevokedUtc is not null;
}

/// <summary>
/// A personal access token of a client (table ApiClientTokens), for scripts that cannot run the token exchange: a long
/// random string with an expiry, kept as its hash. Its scopes are the client's, read at each request.
/// </summary>
public sealed class PersonalAccessTokenRecord
{
    public long Id { get; set; }

    public long ApiClientId { get; set; }

    public ApiClientRecord Client { get; set; } = null!;

    /// <summary>What it is for, as the 管理员 wrote it (e.g. 数据迁移脚本).</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so the 管理员 can tell which one a script holds.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the token, hex; looked up by it.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}

internal sealed class ApiClientRecordConfiguration : IEntityTypeConfiguration<ApiClientRecord>
{
    public void Configure(EntityTypeBuilder<ApiClientRecord> client)
    {
        client.ToTable("ApiClients");
        client.HasKey(c => c.Id);
        client.HasAgency();
        client.Property(c => c.ClientId).HasMaxLength(64);
        client.HasIndex(c => c.ClientId).IsUnique();
        client.Property(c => c.Name).HasMaxLength(100);
        client.Property(c => c.DepartmentCode).HasMaxLength(50);
        client.Property(c => c.Scopes).HasMaxLength(500);
        client.Property(c => c.SecretHash).HasMaxLength(64);
        client.Property(c => c.CreatedBy).HasMaxLength(256);
        client.Property(c => c.RevokedBy).HasMaxLength(256);
        client.Ignore(c => c.ScopeSet);
        client.Ignore(c => c.IsRevoked);
        client.HasMany(c => c.Tokens).WithOne(t => t.Client).HasForeignKey(t => t.ApiClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonalAccessTokenRecordConfiguration : IEntityTypeConfiguration<PersonalAccessTokenRecord>
{
    public void Configure(EntityTypeBuilder<PersonalAccessTokenRecord> token)
    {
        token.ToTable("ApiClientTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Prefix).HasMaxLength(20);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.Property(t => t.CreatedBy).HasMaxLength(256);
    }
}
