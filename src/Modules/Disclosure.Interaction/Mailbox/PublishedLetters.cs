using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Mailbox;

/// <summary>A published letter as the public sees it: only the masked copy, never the writer.</summary>
public sealed record PublicLetter(string Number, LetterKind Kind, string Subject, string Body, string Reply, string? ReplyUnit, DateOnly ReceivedOn, DateOnly RepliedOn);

/// <summary>A page of published letters.</summary>
public sealed record PublicLetterPage(IReadOnlyList<PublicLetter> Letters, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The public's 信件选登: only letters whose masked copy the 公开办 published — so never a 举报 and never a letter whose
/// writer declined — newest reply first, searchable in the masked title, letter and reply.
/// </summary>
public sealed class PublishedLetters(DisclosureDbContext db)
{
    public const int MaxSearchLength = 50;

    public async Task<PublicLetterPage> ListAsync(LetterKind? kind, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var letters = Published();
        if (kind is { } k)
        {
            letters = letters.Where(l => l.Kind == k);
        }

        var text = LetterText.Clean(search);
        if (text.Length > 0)
        {
            text = text[..Math.Min(text.Length, MaxSearchLength)];
            letters = letters.Where(l => l.PublicSubject!.Contains(text) || l.PublicBody!.Contains(text) || l.PublicReply!.Contains(text));
        }

        var total = await letters.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await letters.OrderByDescending(l => l.PublishedUtc).ThenByDescending(l => l.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PublicLetterPage(rows.Select(ToPublic).ToList(), total, page, pageSize);
    }

    public async Task<PublicLetter?> FindAsync(string number, CancellationToken cancellationToken = default) =>
        await Published().FirstOrDefaultAsync(l => l.Number == number, cancellationToken) is { } letter ? ToPublic(letter) : null;

    private IQueryable<LetterRecord> Published() =>
        // The masked copy exists only for a publishable letter; the kind and consent are checked again all the same.
        db.Set<LetterRecord>().AsNoTracking().Where(l => l.PublishedUtc != null && l.MayPublish && l.Kind != LetterKind.Report && l.Stage == LetterStage.Replied);

    private static PublicLetter ToPublic(LetterRecord l) =>
        new(l.Number, l.Kind, l.PublicSubject!, l.PublicBody!, l.PublicReply!, l.ReplyUnit, l.ReceivedOn, l.RepliedOn!.Value);
}
