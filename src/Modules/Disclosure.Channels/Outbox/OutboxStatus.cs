using Disclosure.Channels.WeChat;
using Disclosure.Core.Channels;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Outbox;

/// <summary>How editors see one message (发布渠道状态).</summary>
/// <param name="TargetLabel">How the target is shown when not by its name (an official account: its agencies and AppId).</param>
public sealed record DeliveryStatus(OutboxMessage Message, bool IsLatestInStream, string? Title = null, string? TargetLabel = null)
{
    public string ChannelName => ChannelNames.DisplayName(Message.Channel) + ((TargetLabel ?? Message.Target) is { Length: > 0 } target ? $"（{target}）" : string.Empty);

    public string KindName => Message.Kind switch
    {
        ChangeKind.Published => "发布",
        ChangeKind.Updated => "更新",
        _ => "撤回",
    };

    public string StateName => Message.State switch
    {
        OutboxState.Sent => "已发送",
        OutboxState.DeadLetter => "失败（已停止重试）",
        _ when Message.Attempts > 0 && Message.LastError is not null && Message.LockToken is null => "失败，等待重试",
        _ when Message.LockToken is not null => "发送中",
        _ => "待发送",
    };

    public bool Failed => Message.State == OutboxState.DeadLetter || (Message.State == OutboxState.Pending && Message.Attempts > 0 && Message.LastError is not null);

    /// <summary>Only the newest message of a stream may be retried: an older one would undo what came after it.</summary>
    public bool CanRetry => IsLatestInStream && Failed;
}

/// <summary>
/// The outbox as the admin shows it, and the editors' retry. Staff of an agency see and retry only the messages of
/// their agency's items (the 发布机构 of the version a message carries, the installation's own agency when the version
/// names none), as <see cref="AgencyScope"/> has it for other records; notices, which belong to no item, only the
/// installation's own staff.
/// </summary>
public sealed class OutboxStatusQuery(DisclosureDbContext db, AgencyDirectory agencies, IOptions<WeChatOptions> wechat, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>
    /// The official accounts named by their agencies and AppId (<c>伊金霍洛旗公安局，wx…</c>), so a delivery row says
    /// whose account it went to; the own agency's single-account target stays plain 微信公众号, as before agencies.
    /// </summary>
    public async Task<Func<OutboxMessage, string?>> TargetLabelsAsync(CancellationToken cancellationToken)
    {
        var accounts = wechat.Value.AllAccounts().Where(a => a.Target.Length > 0).ToList();
        if (accounts.Count == 0)
        {
            return _ => null;
        }

        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var labels = accounts.ToDictionary(
            a => a.Target,
            a => string.Join("、", a.Audience.Agencies.Select(c => names.GetValueOrDefault(c, c))) + "，" + a.AppId,
            StringComparer.Ordinal);
        return m => m.Channel == ChannelNames.WeChat ? labels.GetValueOrDefault(m.Target) : null;
    }

    /// <summary>The messages <paramref name="actor"/> may see.</summary>
    public async Task<IQueryable<OutboxMessage>> VisibleToAsync(Actor actor, CancellationToken cancellationToken)
    {
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        if (actor.AgencyCode is not { } agency)
        {
            return messages;
        }

        var isOwn = agency == await agencies.DefaultCodeAsync(cancellationToken);
        return messages.Where(m => db.ContentVersions.Any(v => v.Item.ContentItemId == m.ContentItemId && v.Number == m.VersionNumber
            && (v.AgencyCode == agency || (isOwn && v.AgencyCode == null))));
    }

    /// <summary>Every message of an item, newest first, the newest of each stream marked.</summary>
    public async Task<IReadOnlyList<DeliveryStatus>> ForItemAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ContentItemId == contentItemId)
            .OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        var latest = messages.GroupBy(m => m.Stream).Select(g => g.Max(m => m.Id)).ToHashSet();
        var label = await TargetLabelsAsync(cancellationToken);
        return messages.Select(m => new DeliveryStatus(m, latest.Contains(m.Id), TargetLabel: label(m))).ToList();
    }

    /// <summary>Failed messages (dead letters and those waiting to retry), newest first.</summary>
    public async Task<(IReadOnlyList<DeliveryStatus> Items, int Total)> ProblemsAsync(Actor actor, bool deadOnly, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = (await VisibleToAsync(actor, cancellationToken))
            .Where(m => m.State == OutboxState.DeadLetter || (!deadOnly && m.State == OutboxState.Pending && m.Attempts > 0 && m.LastError != null));
        var total = await query.CountAsync(cancellationToken);
        var messages = await query.OrderByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var streams = messages.Select(m => m.Stream).Distinct().ToList();
        var latest = await db.Set<OutboxMessage>().AsNoTracking().Where(m => streams.Contains(m.Stream))
            .GroupBy(m => m.Stream).Select(g => g.Max(m => m.Id)).ToListAsync(cancellationToken);
        var items = messages.Select(m => m.ContentItemId).Distinct().ToList();
        var titles = (await db.ContentVersions.AsNoTracking().Where(v => items.Contains(v.Item.ContentItemId))
                .Select(v => new { v.Item.ContentItemId, v.Number, v.Title }).ToListAsync(cancellationToken))
            .ToDictionary(v => (v.ContentItemId, v.Number), v => v.Title);
        var label = await TargetLabelsAsync(cancellationToken);
        return (messages.Select(m => new DeliveryStatus(m, latest.Contains(m.Id), titles.GetValueOrDefault((m.ContentItemId, m.VersionNumber)), label(m))).ToList(), total);
    }

    public async Task<int> CountAsync(Actor actor, OutboxState state, CancellationToken cancellationToken) =>
        await (await VisibleToAsync(actor, cancellationToken)).CountAsync(m => m.State == state, cancellationToken);

    /// <summary>
    /// 重试: puts a failed message back in the queue now, with its attempts counted afresh. Refused (zh-CN) for a
    /// message that is not failed, or not the newest of its stream, and for one of another agency's items (as if it
    /// did not exist).
    /// </summary>
    public async Task<OutboxMessage> RetryAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var message = await (await VisibleToAsync(actor, cancellationToken)).SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new OutboxRetryException("该推送消息不存在。");
        var status = new DeliveryStatus(message, !await db.Set<OutboxMessage>().AnyAsync(m => m.Stream == message.Stream && m.Id > id, cancellationToken));
        if (!status.Failed)
        {
            throw new OutboxRetryException($"该消息的状态为“{status.StateName}”，无需重试。");
        }

        if (!status.IsLatestInStream)
        {
            throw new OutboxRetryException("该内容在此渠道已有更新的推送，重试旧消息会覆盖之后的变更，已拒绝。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var state = message.State;
        var rows = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.State == state && m.LockToken == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptUtc, now), cancellationToken);
        if (rows == 0)
        {
            throw new OutboxRetryException("该消息正在发送中，请稍后刷新查看结果。");
        }

        signal.Wake();
        return message;
    }
}

public sealed class OutboxRetryException(string message) : Exception(message);
