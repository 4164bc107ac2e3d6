using System.Globalization;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// Names the 台账's <c>webhook:{id}</c> subjects as 推送订阅“name”, linked to the 发布渠道 page that lists the
/// subscriptions. A deleted subscription keeps its row (and so its name) for exactly this.
/// </summary>
public sealed class WebhookLedgerSubjects(DisclosureDbContext db) : ILedgerSubjectResolver
{
    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        var ids = subjects
            .Where(s => s.StartsWith(WebhookLedgerActions.SubjectPrefix, StringComparison.Ordinal))
            .Select(s => long.TryParse(s.AsSpan(WebhookLedgerActions.SubjectPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>()
            .ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var names = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.DeletedUtc }).ToListAsync(cancellationToken);
        foreach (var subscription in names)
        {
            resolved[WebhookLedgerActions.Subject(subscription.Id)] = new LedgerSubject(
                $"推送订阅“{subscription.Name}”{(subscription.DeletedUtc is null ? null : "（已删除）")}", "/admin/outbox");
        }
    }
}
