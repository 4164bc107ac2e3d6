using Disclosure.Core.Security;
using Disclosure.Storage.Agencies;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>
/// The one way to read applicants' personal data (申请人信息). Every read is written to the 信息发布台账 in the same
/// transaction — who, when, which application, why — so the office can account for each view. Callers must
/// already have checked the 公开办 role; this service records, the pages authorise.
/// </summary>
public sealed class ApplicantDataAccess(DisclosureDbContext db, LedgerWriter ledger)
{
    /// <summary>The applicant of one application, or null when there is no such application.</summary>
    public Task<ApplicantDetails?> ViewAsync(string number, string actor, string purpose, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var found = await (from r in db.Set<InformationRequestRecord>().AsNoTracking()
                               join a in db.Set<RequestApplicantRecord>().AsNoTracking() on r.Id equals a.RequestId
                               where r.Number == number
                               select a).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            await ledger.AppendAsync(actor, RequestLedgerActions.ApplicantViewed, RequestLedgerActions.Subject(number), null, null,
                $"申请 {number}：{purpose}", cancellationToken);
            return RequestService.ToDetails(found);
        }, cancellationToken);

    /// <summary>A stored reply letter (it names the applicant); the download is recorded.</summary>
    public Task<RequestDocumentRecord?> DownloadLetterAsync(string number, long documentId, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var document = await (from d in db.Set<RequestDocumentRecord>().AsNoTracking()
                                  join r in db.Set<InformationRequestRecord>() on d.RequestId equals r.Id
                                  where r.Number == number && d.Id == documentId
                                  select d).SingleOrDefaultAsync(cancellationToken);
            if (document is not null)
            {
                await ledger.AppendAsync(actor, RequestLedgerActions.LetterDownloaded, RequestLedgerActions.Subject(number), null, document.Sha256,
                    $"申请 {number}：{document.FileName}", cancellationToken);
            }

            return document;
        }, cancellationToken);

    /// <summary>
    /// 申请登记簿: every application of a year received, with its applicant, for the office's own records. The export
    /// is recorded as one view of all of them.
    /// </summary>
    public Task<IReadOnlyList<(InformationRequestRecord Request, ApplicantDetails Applicant)>> ExportYearAsync(int year, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            // The register of the applications the actor's agency received (every agency's for installation staff).
            var rows = await (from r in db.Set<InformationRequestRecord>().AsNoTracking().VisibleTo(actor)
                              join a in db.Set<RequestApplicantRecord>().AsNoTracking() on r.Id equals a.RequestId
                              where r.ReceivedOn >= first && r.ReceivedOn <= last
                              orderby r.ReceivedOn, r.Id
                              select new { r, a }).ToListAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, RequestLedgerActions.RegisterExported, null, null, null,
                $"导出 {year} 年申请登记簿，共 {rows.Count} 件（含申请人信息）", cancellationToken);
            return (IReadOnlyList<(InformationRequestRecord, ApplicantDetails)>)rows.Select(x => (x.r, RequestService.ToDetails(x.a))).ToList();
        }, cancellationToken);
}
