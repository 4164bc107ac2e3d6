using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Disclosure.Channels.Outbox;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Webhooks;

/// <summary>What a client sends to create or change a subscription; <see cref="Name"/> is fixed once created.</summary>
public sealed record WebhookSubscriptionInput(string? Name, string? Url, bool? Active);

/// <summary>A change refused: the field and a zh-CN reason (the API answers 422).</summary>
public sealed class WebhookSubscriptionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The subscription is not the caller's agency's, or does not exist, or was deleted (the API answers 404).</summary>
public sealed class WebhookSubscriptionNotFoundException() : Exception("推送订阅不存在。");

/// <summary>The subscription changed since the version the caller names (the API answers 412).</summary>
public sealed class WebhookSubscriptionConflictException(WebhookSubscription current) : Exception("推送订阅已被修改。")
{
    public WebhookSubscription Current { get; } = current;
}

/// <summary>Who changes a subscription: an API client, for its agency; <see cref="Actor"/> is its 台账 name (<c>api:{clientId}</c>).</summary>
public sealed record WebhookSubscriber(string ClientId, string Actor, string AgencyCode);

public static partial class WebhookSubscriptionRules
{
    public const int NameMaxLength = 64;
    public const int UrlMaxLength = 500;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex NamePattern();
}

/// <summary>
/// 推送订阅: the app channel's endpoints an API client manages for its agency (create, change, rotate the secret,
/// delete), each change one transaction with its 台账 entry naming the client; and what the app channel reads of them
/// to write and deliver messages. Read from the database per scope — per request, per publication, per delivery — so a
/// subscription made on one node is used by every node from its next publication.
/// </summary>
public sealed class WebhookSubscriptions(
    DisclosureDbContext db, IDataProtectionProvider protection, IOptions<WebhookOptions> options, LedgerWriter ledger, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Disclosure.Channels.Webhooks.SubscriptionSecret");

    /// <summary>The receiving subscriptions as targets, read once per scope (a publication asks for each item of a batch).</summary>
    private IReadOnlyList<ChannelTarget>? _targets;

    /// <summary>The agency's subscriptions (not deleted), oldest first.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string agencyCode, CancellationToken cancellationToken) =>
        await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.AgencyCode == agencyCode && s.DeletedUtc == null).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>Every subscription not deleted, of <paramref name="agencyCodes"/> or of every agency when null, for the 发布渠道 page.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ForAdminAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        var query = db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.DeletedUtc == null);
        if (agencyCodes is not null)
        {
            query = query.Where(s => agencyCodes.Contains(s.AgencyCode));
        }

        return await query.OrderBy(s => s.AgencyCode).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The agency's subscription, or null (another agency's and a deleted one alike: their existence is not confirmed).</summary>
    public async Task<WebhookSubscription?> FindAsync(long id, string agencyCode, CancellationToken cancellationToken) =>
        await db.Set<WebhookSubscription>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.AgencyCode == agencyCode && s.DeletedUtc == null, cancellationToken);

    /// <summary>订阅: returns the subscription and its secret, which is shown this once (or at the next rotation).</summary>
    public Task<(WebhookSubscription Subscription, string Secret)> CreateAsync(WebhookSubscriptionInput input, WebhookSubscriber by, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var name = input.Name?.Trim() ?? string.Empty;
            if (!WebhookSubscriptionRules.NamePattern().IsMatch(name))
            {
                throw new WebhookSubscriptionException("name", "名称（name）须为 1 到 64 个字母、数字、“-”或“_”：它在推送记录中标识推送地址。");
            }

            if (options.Value.Endpoints.Any(e => string.Equals(e.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new WebhookSubscriptionException("name", $"名称“{name}”已是站点配置的推送地址，请换一个名称。");
            }

            // Compared without case, as a person reading the outbox would: "App" and "app" are one name to them.
            // Subscriptions are few (an app or two per agency), so the names are compared here rather than by the database.
            var taken = await db.Set<WebhookSubscription>().AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken);
            if (taken.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new WebhookSubscriptionException("name", $"名称“{name}”已被使用（含已删除的订阅：名称在推送记录中一直指同一订阅），请换一个名称。");
            }

            var url = CheckUrl(input.Url);
            var secret = NewSecret();
            var now = clock.GetUtcNow().UtcDateTime;
            var subscription = new WebhookSubscription
            {
                Name = name,
                Url = url,
                AgencyCode = by.AgencyCode,
                ProtectedSecret = _protector.Protect(secret),
                Active = input.Active ?? true,
                CreatedByClientId = by.ClientId,
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            db.Add(subscription);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(by.Actor, WebhookLedgerActions.Created, WebhookLedgerActions.Subject(subscription.Id), null, null, Describe(subscription), cancellationToken);
            _targets = null;
            return (subscription, secret);
        }, cancellationToken);

    /// <summary>修改 the address or the active flag, when the subscription is still at one of <paramref name="expectedVersions"/> (null: any).</summary>
    public Task<WebhookSubscription> UpdateAsync(long id, IReadOnlySet<int>? expectedVersions, WebhookSubscriptionInput input, WebhookSubscriber by, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var subscription = await ChangingAsync(id, expectedVersions, by, cancellationToken);
            if (input.Name is { } name && name.Trim() != subscription.Name)
            {
                throw new WebhookSubscriptionException("name", "名称不能修改：推送记录以名称标识推送地址。需要新名称时请新建订阅并删除原订阅。");
            }

            subscription.Url = CheckUrl(input.Url);
            subscription.Active = input.Active ?? subscription.Active;
            await SaveChangeAsync(subscription, WebhookLedgerActions.Updated, Describe(subscription), by, cancellationToken);
            return subscription;
        }, cancellationToken);

    /// <summary>更换密钥: a new secret, used from the next delivery; returned this once.</summary>
    public Task<(WebhookSubscription Subscription, string Secret)> RotateSecretAsync(long id, WebhookSubscriber by, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var subscription = await ChangingAsync(id, null, by, cancellationToken);
            var secret = NewSecret();
            subscription.ProtectedSecret = _protector.Protect(secret);
            await SaveChangeAsync(subscription, WebhookLedgerActions.SecretRotated, $"推送订阅“{subscription.Name}”更换密钥", by, cancellationToken);
            return (subscription, secret);
        }, cancellationToken);

    /// <summary>删除: no new messages from now on; those still pending fail with the reason (see <see cref="WebhookChannel"/>).</summary>
    public Task DeleteAsync(long id, IReadOnlySet<int>? expectedVersions, WebhookSubscriber by, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var subscription = await ChangingAsync(id, expectedVersions, by, cancellationToken);
            subscription.DeletedUtc = clock.GetUtcNow().UtcDateTime;
            await SaveChangeAsync(subscription, WebhookLedgerActions.Deleted, Describe(subscription), by, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The subscriptions that get new messages now, as the app channel's targets (each serving its agency). A name a
    /// configured endpoint took later (the start-up check cannot see the database) stays the configured endpoint's.
    /// </summary>
    public async Task<IReadOnlyList<ChannelTarget>> ReceivingTargetsAsync(CancellationToken cancellationToken)
    {
        if (_targets is not null)
        {
            return _targets;
        }

        var configured = options.Value.Endpoints.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var receiving = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.Active && s.DeletedUtc == null)
            .Select(s => new { s.Name, s.AgencyCode })
            .ToListAsync(cancellationToken);
        return _targets = receiving.Where(s => !configured.Contains(s.Name)).Select(s => ChannelTarget.For(s.Name, [s.AgencyCode])).ToList();
    }

    /// <summary>The subscription a message's target names, deleted or not, for delivering (or refusing) it.</summary>
    public async Task<WebhookSubscription?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        await db.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);

    /// <summary>The secret to sign with; null when this node's data protection keys cannot open it (keys not shared).</summary>
    public string? SecretOf(WebhookSubscription subscription)
    {
        try
        {
            return _protector.Unprotect(subscription.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private string CheckUrl(string? url) =>
        WebhookUrls.Problem(url, options.Value.AllowPrivateSubscriptionAddresses, out var parsed) is { } problem
            ? throw new WebhookSubscriptionException("url", problem)
            : parsed!.AbsoluteUri;

    private async Task<WebhookSubscription> ChangingAsync(long id, IReadOnlySet<int>? expectedVersions, WebhookSubscriber by, CancellationToken cancellationToken)
    {
        var subscription = await db.Set<WebhookSubscription>()
            .SingleOrDefaultAsync(s => s.Id == id && s.AgencyCode == by.AgencyCode && s.DeletedUtc == null, cancellationToken)
            ?? throw new WebhookSubscriptionNotFoundException();
        return expectedVersions is { } expected && !expected.Contains(subscription.Version) ? throw new WebhookSubscriptionConflictException(subscription) : subscription;
    }

    private async Task SaveChangeAsync(WebhookSubscription subscription, string action, string detail, WebhookSubscriber by, CancellationToken cancellationToken)
    {
        // The version is a concurrency token: a change saved since this one read the row makes this save fail.
        subscription.Version++;
        subscription.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new WebhookSubscriptionConflictException(subscription);
        }

        await ledger.AppendAsync(by.Actor, action, WebhookLedgerActions.Subject(subscription.Id), null, null, detail, cancellationToken);
        _targets = null;
    }

    private static string Describe(WebhookSubscription s) =>
        $"推送订阅“{s.Name}”：{s.Url}（机构 {s.AgencyCode}{(s.Active ? null : "，已停用")}{(s.IsDeleted ? "，已删除" : null)}）";

    /// <summary>256 random bits, URL-safe, prefixed so a leaked one is recognisable.</summary>
    private static string NewSecret() => "whsec_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// The subscription changes recorded in the 台账, about <c>webhook:{id}</c> (the name is in the detail: a subject holds
/// 64 characters), with the client as the actor.
/// </summary>
public static class WebhookLedgerActions
{
    public const string SubjectPrefix = "webhook:";

    public const string Created = "webhook-subscription-created";
    public const string Updated = "webhook-subscription-updated";
    public const string SecretRotated = "webhook-subscription-secret-rotated";
    public const string Deleted = "webhook-subscription-deleted";

    public static string Subject(long id) => SubjectPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string? DisplayName(string action) => action switch
    {
        Created => "新建推送订阅",
        Updated => "修改推送订阅",
        SecretRotated => "更换推送订阅密钥",
        Deleted => "删除推送订阅",
        _ => null,
    };
}
