using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Channels.Outbox;

/// <summary>
/// What the outbox tells other modules about deliveries, so that only this module reads its rows and knows what
/// counts as delivered (the annual report counts new publications per channel).
/// </summary>
public static class DeliveredPublications
{
    /// <summary>
    /// The messages that delivered a new publication (not an update or withdrawal, nor a notice to one person) to a
    /// channel target in [<paramref name="startUtc"/>, <paramref name="endUtc"/>).
    /// </summary>
    public static IQueryable<OutboxMessage> Between(DbContext db, DateTime startUtc, DateTime endUtc) =>
        db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.State == OutboxState.Sent && m.Kind == ChangeKind.Published && m.SentUtc >= startUtc && m.SentUtc < endUtc
                && !m.ContentType.StartsWith(Notices.OutboxNotices.ContentTypePrefix));
}
