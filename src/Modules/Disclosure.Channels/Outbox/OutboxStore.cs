using System.Data.Common;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Channels.Outbox;

/// <summary>
/// The dispatcher's side of the outbox table: claiming due messages, recording outcomes, renewing leases. Every
/// write after the claim is fenced by the claim's token, so a dispatcher whose lease lapsed (and whose message was
/// retaken) cannot overwrite what the new claim records.
/// </summary>
public sealed class OutboxStore(DisclosureDbContext db, OutboxWriteGate gate, TimeProvider clock)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages, each the oldest pending message of its stream, so a
    /// stream is delivered in order and never by two dispatchers at once. On PostgreSQL the candidate rows are
    /// locked with <c>FOR UPDATE SKIP LOCKED</c>, so dispatchers on several nodes never wait for, or take, each
    /// other's rows; SQLite has one writer at a time, which makes the same single statement atomic there.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // A cheap read first: an idle outbox costs no write lock (SQLite has only one).
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .AnyAsync(m => m.State == OutboxState.Pending && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now), cancellationToken);
        if (!due)
        {
            return [];
        }

        var token = Guid.NewGuid().ToString("n");
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE OF m SKIP LOCKED" : string.Empty;
        var sql = $"""
            UPDATE "OutboxMessages"
            SET "LockToken" = @token, "LockedUntilUtc" = @until, "Attempts" = "Attempts" + 1, "LastAttemptUtc" = @now
            WHERE "Id" IN (
                SELECT m."Id" FROM "OutboxMessages" AS m
                WHERE m."State" = 'Pending' AND m."NextAttemptUtc" <= @now
                  AND (m."LockedUntilUtc" IS NULL OR m."LockedUntilUtc" < @now)
                  AND NOT EXISTS (
                      SELECT 1 FROM "OutboxMessages" AS o
                      WHERE o."Stream" = m."Stream" AND o."State" = 'Pending' AND o."Id" < m."Id")
                ORDER BY m."Id"
                LIMIT @batch
                {skipLocked})
            RETURNING "Id"
            """;

        var ids = await gate.RunAsync(db, () => ExecuteClaimAsync(sql, token, now, lease, batchSize, cancellationToken), cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var claimed = await db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockToken == token).ToListAsync(cancellationToken);
        return claimed.OrderBy(m => m.Id).ToList();
    }

    private async Task<List<long>> ExecuteClaimAsync(string sql, string token, DateTime now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@token", token);
            Add(command, "@until", now + lease);
            Add(command, "@now", now);
            Add(command, "@batch", batchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return ids;
    }

    /// <summary>The stream's live remote id before <paramref name="message"/>: see <see cref="DeliveryContext.LiveRemoteId"/>.</summary>
    public async Task<string?> LiveRemoteIdAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var last = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Stream == message.Stream && m.State == OutboxState.Sent && m.Id < message.Id)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.Kind, m.RemoteId })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null || last.Kind == ChangeKind.Withdrawn ? null : last.RemoteId;
    }

    /// <summary>The stream's remote ids put up since its last withdrawal, before <paramref name="message"/>: see <see cref="DeliveryContext.LiveRemoteIds"/>.</summary>
    public async Task<IReadOnlyList<string>> LiveRemoteIdsAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var sent = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Stream == message.Stream && m.State == OutboxState.Sent && m.Id < message.Id)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Kind, m.RemoteId })
            .ToListAsync(cancellationToken);
        var live = new List<string>();
        foreach (var m in sent)
        {
            if (m.Kind == ChangeKind.Withdrawn)
            {
                live.Clear();
            }
            else if (m.RemoteId is { Length: > 0 } id && !live.Contains(id))
            {
                live.Add(id);
            }
        }

        return live;
    }

    public Task<int> SaveProgressAsync(OutboxMessage message, string? progress, CancellationToken cancellationToken) =>
        Write(() => Fenced(message).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProgressJson, progress), cancellationToken), cancellationToken);

    public Task<int> RenewLeaseAsync(OutboxMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + lease;
        return Write(() => Fenced(message).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, until), cancellationToken), cancellationToken);
    }

    /// <summary>Records the outcome of an attempt. Returns false if the claim had lapsed and was taken over.</summary>
    public async Task<bool> CompleteAsync(OutboxMessage message, DeliveryResult result, OutboxOptions options, CancellationToken cancellationToken) =>
        await Write(() => RecordAsync(message, result, options, cancellationToken), cancellationToken) == 1;

    private async Task<int> RecordAsync(OutboxMessage message, DeliveryResult result, OutboxOptions options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return result switch
        {
            DeliveryResult.Delivered d => await Fenced(message).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sent)
                .SetProperty(m => m.SentUtc, now)
                .SetProperty(m => m.RemoteId, d.RemoteId)
                .SetProperty(m => m.RemoteUrl, d.RemoteUrl)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockToken, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken),
            DeliveryResult.Wait w => await Fenced(message).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.NextAttemptUtc, w.NotBefore)
                .SetProperty(m => m.LastError, w.Note)
                .SetProperty(m => m.LockToken, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken),
            DeliveryResult.Retry r when message.Attempts < options.MaxAttempts => await Fenced(message).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptUtc, now + RetrySchedule.Delay(message.Attempts, options))
                .SetProperty(m => m.LastError, Truncate(r.Error))
                .SetProperty(m => m.LockToken, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken),
            DeliveryResult.Retry r => await DeadLetterAsync(message, $"{r.Error}（已尝试 {message.Attempts} 次，停止重试）", cancellationToken),
            DeliveryResult.Fail f => await DeadLetterAsync(message, f.Error, cancellationToken),
            _ => throw new InvalidOperationException("Unknown delivery result " + result),
        };
    }

    /// <summary>Gives a claimed message back untried (the node is stopping).</summary>
    public Task<int> ReleaseAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Write(() => Fenced(message).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.LockToken, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken), cancellationToken);

    private Task<int> Write(Func<Task<int>> write, CancellationToken cancellationToken) => gate.RunAsync(db, write, cancellationToken);

    private Task<int> DeadLetterAsync(OutboxMessage message, string error, CancellationToken cancellationToken) =>
        Fenced(message).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.DeadLetter)
            .SetProperty(m => m.LastError, Truncate(error))
            .SetProperty(m => m.LockToken, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken);

    private IQueryable<OutboxMessage> Fenced(OutboxMessage message)
    {
        var (id, token) = (message.Id, message.LockToken);
        return db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockToken == token);
    }

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..999] + "…";

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
