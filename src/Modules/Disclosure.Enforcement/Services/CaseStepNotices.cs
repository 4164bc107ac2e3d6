using System.Globalization;
using System.Text.Json.Serialization;
using Disclosure.Channels.Notices;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>A party who asked to be told of each new step (<see cref="CasePartyRecord.Notify"/>), and their role.</summary>
public sealed record CaseListener(long PartyId, string RoleCode);

/// <summary>
/// 办理进度通知: one notice per new visible step per party who asked for it and whose role sees that step, written
/// into the outbox in the same transaction as the step (recorded visible, or released later); the Channels module's
/// dispatcher posts it to the app's webhooks, whose receiver (the app, or an SMS gateway) delivers it.
/// </summary>
public sealed class CaseStepNotices(DisclosureDbContext db, NoticeWriter writer)
{
    /// <summary>The notice type in the outbox and the webhook payload's <c>notice</c>.</summary>
    public const string Type = "enforcement-step";

    /// <summary>The cases' parties who asked to be notified, by case; empty when no app webhook is configured.</summary>
    public async Task<IReadOnlyDictionary<long, List<CaseListener>>> ListenersAsync(IReadOnlyList<long> caseIds, CancellationToken cancellationToken)
    {
        var listeners = new Dictionary<long, List<CaseListener>>();
        if (!writer.HasReceivers)
        {
            return listeners;
        }

        foreach (var chunk in caseIds.Chunk(500))
        {
            var parties = await db.Set<CasePartyRecord>().AsNoTracking().Where(p => p.Notify && chunk.Contains(p.CaseId))
                .Select(p => new { p.CaseId, p.Id, p.RoleCode }).ToListAsync(cancellationToken);
            foreach (var party in parties)
            {
                if (!listeners.TryGetValue(party.CaseId, out var list))
                {
                    listeners[party.CaseId] = list = [];
                }

                list.Add(new CaseListener(party.Id, party.RoleCode));
            }
        }

        return listeners;
    }

    /// <summary>Adds the notices for one visible, saved event (the caller saves them in its transaction); returns how many.</summary>
    public int Add(IReadOnlyDictionary<long, List<CaseListener>> listeners, CaseKindDefinition kind, CaseEventRecord saved)
    {
        if (saved.VisibleUtc is null || !listeners.TryGetValue(saved.CaseId, out var parties))
        {
            return 0;
        }

        var count = 0;
        foreach (var party in parties.Where(p => kind.FindRole(p.RoleCode)?.Sees.Contains(saved.TypeCode) == true))
        {
            count += writer.Add(Type, Reference(saved.Id, party.PartyId));
        }

        return count;
    }

    public static string Reference(long eventId, long partyId) => string.Create(CultureInfo.InvariantCulture, $"{eventId}.{partyId}");

    public static bool TryParse(string reference, out long eventId, out long partyId)
    {
        (eventId, partyId) = (0, 0);
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && long.TryParse(reference.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out eventId)
            && long.TryParse(reference.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out partyId);
    }
}

/// <summary>
/// What the app or SMS gateway receives as a step notice's <c>data</c>: the case number, the step and its date, and
/// the party's id — an opaque reference the receiver maps to the phone number it was given when the party asked to
/// be notified. No name, ID number or phone number leaves the site in a notice.
/// </summary>
public sealed record CaseStepNotice
{
    [JsonPropertyName("caseNumber")] public required string CaseNumber { get; init; }

    [JsonPropertyName("kind")] public required string Kind { get; init; }

    [JsonPropertyName("step")] public required string Step { get; init; }

    /// <summary>形成日期, <c>yyyy-MM-dd</c>.</summary>
    [JsonPropertyName("formedOn")] public required string FormedOn { get; init; }

    [JsonPropertyName("partyId")] public long PartyId { get; init; }

    /// <summary>The SMS text, ready to send as it is (no personal data).</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }
}

/// <summary>Reads a step notice when the dispatcher delivers it: only while the event is visible and the party is still the case's.</summary>
public sealed class CaseStepNoticeSource(DisclosureDbContext db, CaseKindStore kinds) : INoticeSource
{
    public string Type => CaseStepNotices.Type;

    public async Task<object?> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        if (!CaseStepNotices.TryParse(reference, out var eventId, out var partyId))
        {
            return null;
        }

        var found = await (from e in db.Set<CaseEventRecord>().AsNoTracking()
                           join c in db.Set<EnforcementCaseRecord>() on e.CaseId equals c.Id
                           join p in db.Set<CasePartyRecord>() on c.Id equals p.CaseId
                           where e.Id == eventId && p.Id == partyId && e.VisibleUtc != null
                           select new { c.Number, c.KindCode, e.TypeCode, e.FormedOn }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var vocabulary = await kinds.GetAsync(cancellationToken);
        var step = vocabulary.EventName(found.KindCode, found.TypeCode);
        var date = DateText.Date(found.FormedOn);
        return new CaseStepNotice
        {
            CaseNumber = found.Number,
            Kind = vocabulary.Find(found.KindCode)?.Name ?? found.KindCode,
            Step = step,
            FormedOn = date,
            PartyId = partyId,
            Text = $"【执法公开】您关注的案件 {found.Number} 有新的办理环节：{step}（{date}）。请凭回执上的查询码在警务公开查询中查看。",
        };
    }
}
