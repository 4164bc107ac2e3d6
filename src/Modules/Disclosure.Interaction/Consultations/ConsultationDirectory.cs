using System.Text.Json.Nodes;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Consultations;

/// <summary>Where a consultation's window stands on a given Beijing date.</summary>
public enum ConsultationPhase
{
    /// <summary>未开始.</summary>
    Upcoming,

    /// <summary>征求中: comments are accepted.</summary>
    Open,

    /// <summary>已结束.</summary>
    Closed,
}

/// <summary>A published consultation as the lists see it: its window is read from the published version's fields.</summary>
public sealed record ConsultationSummary(string Id, string Title, DateOnly Start, DateOnly End, DateTime? PublishedUtc, string? DepartmentCode)
{
    public ConsultationPhase PhaseOn(DateOnly today) =>
        today < Start ? ConsultationPhase.Upcoming : today > End ? ConsultationPhase.Closed : ConsultationPhase.Open;

    public static string PhaseName(ConsultationPhase phase) => phase switch
    {
        ConsultationPhase.Upcoming => "未开始",
        ConsultationPhase.Open => "征求中",
        _ => "已结束",
    };
}

/// <summary>A published 意见采纳情况 and the document it names as the one finally issued (when it names one).</summary>
public sealed record FeedbackLink(string Id, string Title, string ConsultationId, string? FinalDocumentId);

/// <summary>
/// Reads 征求意见 from published content only: which consultations exist and their windows, the published feedback of
/// each, the final document and the 政策解读 that interpret it (发布、解读、回应三联动). Nothing here sees a draft.
/// </summary>
public sealed class ConsultationDirectory(DisclosureDbContext db, TimeProvider clock)
{
    /// <summary>Today in Beijing: the window's dates are Beijing dates, both ends included.</summary>
    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every published consultation with a window, the latest closing first.</summary>
    public async Task<IReadOnlyList<ConsultationSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await Published(ConsultationTypes.Consultation)
            .Select(v => new { v.Item.ContentItemId, v.Title, v.DataJson, v.PublishedUtc, v.Item.DepartmentCode })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => Summary(r.ContentItemId, r.Title, r.DataJson, r.PublishedUtc, r.DepartmentCode))
            .OfType<ConsultationSummary>()
            .OrderByDescending(c => c.End).ThenByDescending(c => c.PublishedUtc)
            .ToList();
    }

    /// <summary>The published consultation with this 内容 id, or null (not published, withdrawn, another type, no window).</summary>
    public async Task<ConsultationSummary?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Published(ConsultationTypes.Consultation)
            .Where(v => v.Item.ContentItemId == id)
            .Select(v => new { v.Item.ContentItemId, v.Title, v.DataJson, v.PublishedUtc, v.Item.DepartmentCode })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Summary(row.ContentItemId, row.Title, row.DataJson, row.PublishedUtc, row.DepartmentCode);
    }

    /// <summary>The published 意见采纳情况 of each of these consultations (the latest published when there are several).</summary>
    public async Task<IReadOnlyDictionary<string, FeedbackLink>> FeedbackAsync(IReadOnlyCollection<string> consultationIds, CancellationToken cancellationToken)
    {
        if (consultationIds.Count == 0)
        {
            return new Dictionary<string, FeedbackLink>();
        }

        var query = Published(ConsultationTypes.Feedback);
        if (consultationIds.Count == 1)
        {
            // The picker stores ids as JSON strings: the LIKE narrows the rows, the JSON check below makes it exact.
            var quoted = "\"" + consultationIds.First() + "\"";
            query = query.Where(v => v.DataJson.Contains(quoted));
        }

        var rows = await query
            .OrderByDescending(v => v.PublishedUtc)
            .Select(v => new { v.Item.ContentItemId, v.Title, v.DataJson })
            .ToListAsync(cancellationToken);
        var wanted = consultationIds.ToHashSet(StringComparer.Ordinal);
        var links = new Dictionary<string, FeedbackLink>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var data = ContentData.Parse(row.DataJson);
            var final = Picked(data.Get(ConsultationTypes.Feedback, ConsultationTypes.FinalDocumentField)).FirstOrDefault();
            foreach (var consultation in Picked(data.Get(ConsultationTypes.Feedback, ConsultationTypes.ConsultationField)).Where(wanted.Contains))
            {
                links.TryAdd(consultation, new FeedbackLink(row.ContentItemId, row.Title, consultation, final));
            }
        }

        return links;
    }

    /// <summary>The published item with this id as a link (the final document), or null when it is not public.</summary>
    public async Task<ItemLink?> PublishedLinkAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        var row = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == ContentStatus.Published && v.Item.ContentItemId == id)
            .Select(v => new { v.Title, v.PublishedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new ItemLink(id, row.Title, row.PublishedUtc is { } p ? DateText.Date(ChinaTime.ToDate(p)) : null);
    }

    /// <summary>Published 政策解读 whose 解读的文件 include this document.</summary>
    public async Task<IReadOnlyList<ItemLink>> InterpretationsOfAsync(string documentId, CancellationToken cancellationToken)
    {
        var quoted = "\"" + documentId + "\"";
        var rows = await Published(ItemPageBuilder.InterpretationType)
            .Where(v => v.DataJson.Contains(quoted))
            .OrderByDescending(v => v.PublishedUtc)
            .Select(v => new { v.Item.ContentItemId, v.Title, v.DataJson, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => Picked(ContentData.Parse(r.DataJson).Get(ItemPageBuilder.InterpretationType, ItemPageBuilder.InterpretedDocumentsField)).Contains(documentId))
            .Select(r => new ItemLink(r.ContentItemId, r.Title, r.PublishedUtc is { } p ? DateText.Date(ChinaTime.ToDate(p)) : null))
            .ToList();
    }

    /// <summary>The ids a content-picker value holds: one id or a list of them.</summary>
    public static IEnumerable<string> Picked(JsonNode? value) => value switch
    {
        JsonArray list => list.Select(x => x?.ToString()).OfType<string>(),
        JsonValue one when one.ToString() is { Length: > 0 } id => [id],
        _ => [],
    };

    /// <summary>The window of a consultation's data, or null when either date is missing.</summary>
    public static (DateOnly Start, DateOnly End)? Window(ContentData data) =>
        data.GetDate(ConsultationTypes.Consultation, ConsultationTypes.StartField) is { } start
        && data.GetDate(ConsultationTypes.Consultation, ConsultationTypes.EndField) is { } end
            ? (start, end)
            : null;

    private IQueryable<ContentVersionRecord> Published(string type) =>
        db.ContentVersions.AsNoTracking().Where(v => v.Status == ContentStatus.Published && v.ContentType == type);

    private static ConsultationSummary? Summary(string id, string title, string json, DateTime? publishedUtc, string? department) =>
        Window(ContentData.Parse(json)) is { } window ? new ConsultationSummary(id, title, window.Start, window.End, publishedUtc, department) : null;
}
