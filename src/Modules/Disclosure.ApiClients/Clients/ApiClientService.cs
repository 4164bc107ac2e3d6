using Disclosure.ApiClients.Data;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.ApiClients.Clients;

/// <summary>What the 管理员 types when registering or changing a client.</summary>
public sealed record ApiClientInput(string? Name, string? AgencyCode, string? DepartmentCode, IReadOnlyCollection<string> Scopes, int? PermitsPerMinute);

/// <summary>A change refused, with a zh-CN reason for the form.</summary>
public sealed class ApiClientException(string message) : Exception(message);

/// <summary>
/// Registers, changes, rotates and revokes API clients and their personal access tokens: each change one transaction
/// with its 台账 entry, and each secret returned to the caller exactly once. The installation's 管理员 manages every
/// client; an agency's 管理员 those of the agencies they manage (<see cref="AgencyService.ScopeAsync"/>).
/// </summary>
public sealed class ApiClientService(
    DisclosureDbContext db,
    AgencyService agencies,
    AgencyDirectory directory,
    LedgerWriter ledger,
    IOptionsMonitor<ApiClientOptions> options,
    TimeProvider clock)
{
    public const int NameMaxLength = 100;
    public const int MaxPermitsPerMinute = 6000;

    /// <summary>The clients <paramref name="actor"/> manages, newest first.</summary>
    public async Task<IReadOnlyList<ApiClientRecord>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var scope = await agencies.ScopeAsync(actor, cancellationToken);
        var clients = await db.Set<ApiClientRecord>().AsNoTracking().Include(c => c.Tokens).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return clients.Where(c => scope.Manages(c.AgencyCode)).ToList();
    }

    /// <summary>The places (agency, or agency and department) <paramref name="actor"/> may give a client, in tree order.</summary>
    public async Task<IReadOnlyList<ApiClientPlace>> PlacesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var scope = await agencies.ScopeAsync(actor, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken)).ToLookup(d => d.AgencyCode);
        var places = new List<ApiClientPlace>();
        foreach (var agency in scope.Tree.All().Where(a => scope.Manages(a.Code)))
        {
            places.Add(new ApiClientPlace(agency.Code + "|", $"{agency.Name}（机构本级）", agency.Code));
            places.AddRange(departments[agency.Code].Select(d => new ApiClientPlace($"{agency.Code}|{d.Code}", $"{agency.Name} · {d.Name}", agency.Code)));
        }

        return places;
    }

    /// <summary>One managed client, or null (unknown and unmanaged alike, so another agency's clients are not confirmed).</summary>
    public async Task<ApiClientRecord?> FindAsync(string clientId, Actor actor, CancellationToken cancellationToken = default)
    {
        var client = await db.Set<ApiClientRecord>().AsNoTracking().Include(c => c.Tokens.OrderByDescending(t => t.Id))
            .SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        return client is not null && (await agencies.ScopeAsync(actor, cancellationToken)).Manages(client.AgencyCode) ? client : null;
    }

    /// <summary>登记: returns the client and its secret, which is not kept and cannot be shown again.</summary>
    public Task<(ApiClientRecord Client, string Secret)> RegisterAsync(ApiClientInput input, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var checkedInput = await CheckAsync(input, actor, cancellationToken);
            var secret = ApiSecrets.NewSecret();
            var now = clock.GetUtcNow().UtcDateTime;
            var client = new ApiClientRecord
            {
                ClientId = ApiSecrets.NewClientId(),
                Name = checkedInput.Name,
                AgencyCode = checkedInput.AgencyCode,
                DepartmentCode = checkedInput.DepartmentCode,
                Scopes = checkedInput.Scopes,
                PermitsPerMinute = input.PermitsPerMinute,
                SecretHash = ApiSecrets.Hash(secret),
                CreatedUtc = now,
                CreatedBy = actor.UserName,
                SecretRotatedUtc = now,
            };
            db.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ApiClientLedgerActions.Registered, ApiClientLedgerActions.Subject(client.ClientId), null, null,
                Describe(client), cancellationToken);
            return (client, secret);
        }, cancellationToken);

    /// <summary>Changes name, department, scopes or rate; effective on the client's next request (tokens carry no scopes of their own).</summary>
    public Task UpdateAsync(string clientId, ApiClientInput input, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var client = await ManagedAsync(clientId, actor, cancellationToken);
            if (client.IsRevoked)
            {
                throw new ApiClientException("该客户端已停用，不能再修改。");
            }

            var checkedInput = await CheckAsync(input with { AgencyCode = client.AgencyCode }, actor, cancellationToken);
            client.Name = checkedInput.Name;
            client.DepartmentCode = checkedInput.DepartmentCode;
            client.Scopes = checkedInput.Scopes;
            client.PermitsPerMinute = input.PermitsPerMinute;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ApiClientLedgerActions.Updated, ApiClientLedgerActions.Subject(client.ClientId), null, null,
                Describe(client), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>更换密钥: a new secret, and every access token issued under the old one stops working at once.</summary>
    public Task<string> RotateSecretAsync(string clientId, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var client = await ManagedAsync(clientId, actor, cancellationToken);
            if (client.IsRevoked)
            {
                throw new ApiClientException("该客户端已停用，不能更换密钥。");
            }

            var secret = ApiSecrets.NewSecret();
            client.SecretHash = ApiSecrets.Hash(secret);
            client.SecretGeneration++;
            client.SecretRotatedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ApiClientLedgerActions.SecretRotated, ApiClientLedgerActions.Subject(client.ClientId), null, null,
                $"第 {client.SecretGeneration} 代密钥", cancellationToken);
            return secret;
        }, cancellationToken);

    /// <summary>停用: for good. The secret, its tokens and the personal access tokens are refused from the next request.</summary>
    public Task RevokeAsync(string clientId, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var client = await ManagedAsync(clientId, actor, cancellationToken);
            if (client.IsRevoked)
            {
                return false;
            }

            client.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            client.RevokedBy = actor.UserName;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ApiClientLedgerActions.Revoked, ApiClientLedgerActions.Subject(client.ClientId), null, null,
                client.Name, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>签发个人访问令牌: returns the token, which is not kept and cannot be shown again.</summary>
    public Task<string> IssueTokenAsync(string clientId, string? name, int days, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var client = await ManagedAsync(clientId, actor, cancellationToken);
            var maxDays = options.CurrentValue.PersonalAccessTokenMaxDays;
            if (client.IsRevoked)
            {
                throw new ApiClientException("该客户端已停用，不能签发令牌。");
            }

            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            {
                throw new ApiClientException($"请填写令牌用途（不超过 {NameMaxLength} 字）。");
            }

            if (days < 1 || days > maxDays)
            {
                throw new ApiClientException($"有效期应在 1 到 {maxDays} 天之间。");
            }

            var token = ApiSecrets.NewPersonalToken();
            var now = clock.GetUtcNow().UtcDateTime;
            var record = new PersonalAccessTokenRecord
            {
                ApiClientId = client.Id,
                Name = name.Trim(),
                Prefix = token[..(ApiSecrets.PersonalTokenPrefix.Length + 6)],
                TokenHash = ApiSecrets.Hash(token),
                CreatedUtc = now,
                CreatedBy = actor.UserName,
                ExpiresUtc = now.AddDays(days),
            };
            db.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ApiClientLedgerActions.TokenIssued, ApiClientLedgerActions.Subject(client.ClientId), null, null,
                $"{record.Name}（{record.Prefix}…，{days} 天）", cancellationToken);
            return token;
        }, cancellationToken);

    public Task RevokeTokenAsync(string clientId, long tokenId, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var client = await ManagedAsync(clientId, actor, cancellationToken);
            var token = await db.Set<PersonalAccessTokenRecord>().SingleOrDefaultAsync(t => t.Id == tokenId && t.ApiClientId == client.Id, cancellationToken)
                ?? throw new ApiClientException("令牌不存在。");
            if (token.RevokedUtc is not null)
            {
                return false;
            }

            token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ApiClientLedgerActions.TokenRevoked, ApiClientLedgerActions.Subject(client.ClientId), null, null,
                $"{token.Name}（{token.Prefix}…）", cancellationToken);
            return true;
        }, cancellationToken);

    private async Task<ApiClientRecord> ManagedAsync(string clientId, Actor actor, CancellationToken cancellationToken)
    {
        var client = await db.Set<ApiClientRecord>().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null || !(await agencies.ScopeAsync(actor, cancellationToken)).Manages(client.AgencyCode))
        {
            throw new ApiClientException("接口客户端不存在。");
        }

        return client;
    }

    private sealed record CheckedInput(string Name, string AgencyCode, string? DepartmentCode, string Scopes);

    private async Task<CheckedInput> CheckAsync(ApiClientInput input, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameMaxLength)
        {
            errors.Add($"请填写客户端名称（不超过 {NameMaxLength} 字），如“办公自动化系统”。");
        }

        var unknown = input.Scopes.Where(s => !ApiScopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"权限范围“{string.Join("、", unknown)}”不存在。");
        }
        else if (input.Scopes.Count == 0)
        {
            errors.Add("请至少选择一项权限范围。");
        }

        if (input.PermitsPerMinute is < 1 or > MaxPermitsPerMinute)
        {
            errors.Add($"每分钟请求上限应在 1 到 {MaxPermitsPerMinute} 之间，留空则用默认值。");
        }

        // A client always works for one agency: without one its actor would be installation-wide and see every agency's drafts.
        var agency = string.IsNullOrWhiteSpace(input.AgencyCode) ? await directory.DefaultCodeAsync(cancellationToken) : input.AgencyCode.Trim();
        var scope = await agencies.ScopeAsync(actor, cancellationToken);
        if (scope.Tree.Find(agency) is null || !scope.Manages(agency))
        {
            errors.Add("所选机构不存在或不在您的管理范围内。");
        }

        var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : input.DepartmentCode.Trim();
        if (department is not null && !await db.Departments.AnyAsync(d => d.AgencyCode == agency && d.Code == department, cancellationToken))
        {
            errors.Add("所选部门不属于该机构。");
        }

        if (errors.Count > 0)
        {
            throw new ApiClientException(string.Join("", errors));
        }

        return new CheckedInput(name!, agency, department, ApiScopes.Join(input.Scopes));
    }

    private static string Describe(ApiClientRecord client) =>
        $"{client.Name}；机构 {client.AgencyCode}{(client.DepartmentCode is { } d ? "，部门 " + d : string.Empty)}；权限 {client.Scopes}" +
        (client.PermitsPerMinute is { } permits ? $"；每分钟 {permits} 次" : string.Empty);
}
