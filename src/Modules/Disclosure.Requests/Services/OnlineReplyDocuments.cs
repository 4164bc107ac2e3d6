using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>A document an applicant may download from the status page: its id and file name, never its content.</summary>
public sealed record ReplyDocumentLink(long Id, string FileName, RequestDocumentKind Kind);

/// <summary>
/// 在线查看: when the applicant chose to receive the reply online, the reply letter stored at 办结 and the files
/// released with it (公开的信息) are theirs to download from the status page — only after 办结, only for that delivery method, and only for a request found
/// by tracking code and second factor (<see cref="RequestStatusQuery"/>); the page hands out short-lived signed links.
/// </summary>
public sealed class OnlineReplyDocuments(DisclosureDbContext db)
{
    /// <summary>The newest reply letter of a closed 在线查看 request and the files released with it, or nothing.</summary>
    public async Task<IReadOnlyList<ReplyDocumentLink>> ListAsync(long requestId, CancellationToken cancellationToken = default)
    {
        if (!await IsReleasedOnlineAsync(requestId, cancellationToken))
        {
            return [];
        }

        var documents = await db.Set<RequestDocumentRecord>().AsNoTracking().Where(d => d.RequestId == requestId)
            .OrderBy(d => d.Id).Select(d => new ReplyDocumentLink(d.Id, d.FileName, d.Kind)).ToListAsync(cancellationToken);

        // Reopened and closed again: only the letter of the last 办结 is the reply.
        var letter = documents.LastOrDefault(d => d.Kind == RequestDocumentKind.ReplyLetter);
        var released = documents.Where(d => d.Kind == RequestDocumentKind.ReleasedFile);
        return letter is null ? [.. released] : [letter, .. released];
    }

    /// <summary>The document itself, when it is among those <see cref="ListAsync"/> lists for the request.</summary>
    public async Task<RequestDocumentRecord?> GetAsync(long requestId, long documentId, CancellationToken cancellationToken = default)
    {
        var allowed = await ListAsync(requestId, cancellationToken);
        return allowed.Any(d => d.Id == documentId)
            ? await db.Set<RequestDocumentRecord>().AsNoTracking().SingleAsync(d => d.Id == documentId, cancellationToken)
            : null;
    }

    private Task<bool> IsReleasedOnlineAsync(long requestId, CancellationToken cancellationToken) =>
        db.Set<InformationRequestRecord>().AnyAsync(r => r.Id == requestId && r.Stage == RequestStage.Closed && r.Delivery == DeliveryMethod.Online, cancellationToken);
}
