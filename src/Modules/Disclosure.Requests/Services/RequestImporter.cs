using Disclosure.Core.Recipes;
using Disclosure.Core.Time;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Recipes;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>
/// The <c>Requests</c> recipe step: adds the applications whose 申请编号 is not yet present, exactly as they stand
/// (recipes are not ledger actions). The history is checked for order — a correction before receipt or a close
/// before the clock started is refused with the file and the number — so imported data satisfies the same
/// invariants the statistics rely on. The 编号 counters are raised past imported numbers.
/// </summary>
public sealed class RequestImporter(DisclosureDbContext db, AgencyDirectory agencies, TimeProvider clock) : RecipeStepHandler<RequestsStep>
{
    /// <summary>Applications per transaction in <see cref="ImportAsync"/>.</summary>
    private const int BatchSize = 1_000;

    protected override async Task ApplyAsync(RequestsStep step, CancellationToken cancellationToken)
    {
        var existing = await ExistingNumbersAsync(cancellationToken);
        var errors = new List<RecipeError>();
        var added = new List<RequestImport>();
        foreach (var import in step.Requests.Where(r => !existing.Contains(r.Number)))
        {
            if (Check(import) is { } problem)
            {
                errors.Add(new RecipeError(step.SourceFile, $"$.requests[?(@.number=='{import.Number}')]", problem));
                continue;
            }

            added.Add(import);
        }

        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }

        await InsertAsync(added, cancellationToken);
    }

    /// <summary>
    /// Adds applications that are not yet present (by 申请编号) in batches, each batch in its own transaction, after
    /// the same order checks as the recipe step — the bulk path of the data generator. Returns how many were added;
    /// a request that fails its check stops the import with <see cref="RequestException"/> before its batch is written.
    /// </summary>
    public async Task<int> ImportAsync(IEnumerable<RequestImport> requests, CancellationToken cancellationToken = default)
    {
        var existing = await ExistingNumbersAsync(cancellationToken);
        var added = 0;
        foreach (var batch in requests.Where(r => !existing.Contains(r.Number)).Chunk(BatchSize))
        {
            if (batch.Select(Check).FirstOrDefault(problem => problem is not null) is { } problem)
            {
                throw new RequestException(problem);
            }

            await db.InTransactionAsync(async () =>
            {
                await InsertAsync(batch, cancellationToken);
                return true;
            }, cancellationToken);
            db.ChangeTracker.Clear();
            added += batch.Length;
        }

        return added;
    }

    private async Task<HashSet<string>> ExistingNumbersAsync(CancellationToken cancellationToken) =>
        (await db.Set<InformationRequestRecord>().Select(r => r.Number).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Requests first (their keys come from the database), then their applicants, then the 编号 counters.</summary>
    private async Task InsertAsync(IReadOnlyList<RequestImport> added, CancellationToken cancellationToken)
    {
        var records = new List<(InformationRequestRecord Record, RequestImport Import)>(added.Count);
        var tree = await agencies.TreeAsync(cancellationToken);
        var ownAgency = added.Count == 0 ? string.Empty : await agencies.DefaultCodeAsync(cancellationToken);
        foreach (var import in added)
        {
            var agencyCode = import.Details.AgencyCode ?? ownAgency;
            if (tree.Find(agencyCode) is null)
            {
                throw new RequestException($"申请 {import.Number} 的受理机关“{agencyCode}”不存在。");
            }

            var closedStage = import.ClosedOn is not null;
            var request = new InformationRequestRecord
            {
                Number = import.Number,
                AgencyCode = agencyCode,
                TrackingCode = import.TrackingCode,
                Channel = import.Channel,
                Kind = import.Details.Kind,
                ReceivedOn = import.ReceivedOn,
                RegisteredUtc = clock.GetUtcNow().UtcDateTime,
                RegisteredBy = "setup",
                Description = import.Details.Description,
                DocumentReference = import.Details.DocumentReference,
                Form = import.Details.Form,
                Delivery = import.Details.Delivery,
                DepartmentCode = import.Department,
                ClockStartOn = import.CorrectionReceivedOn ?? import.ReceivedOn,
                CorrectionRequestedOn = import.CorrectionRequestedOn,
                CorrectionNote = import.CorrectionNote,
                CorrectionReceivedOn = import.CorrectionReceivedOn,
                ExtensionDays = import.ExtensionDays,
                ExtensionReason = import.ExtensionReason,
                ExtensionApprovedBy = import.ExtensionApprovedBy,
                ExtendedOn = import.ExtendedOn,
                Outcome = import.Outcome,
                ClosedOn = import.ClosedOn,
                ClosedBy = closedStage ? "setup" : null,
                ReplyText = import.ReplyText,
                Stage = closedStage ? RequestStage.Closed
                    : import.CorrectionRequestedOn is not null && import.CorrectionReceivedOn is null ? RequestStage.AwaitingCorrection
                    : import.Consultations.Any(c => c.RepliedOn is null) ? RequestStage.Consultation
                    : RequestStage.Processing,
                ConcurrencyStamp = Guid.NewGuid().ToString("D"),
                Consultations = import.Consultations.Select(c => new RequestConsultationRecord { ThirdParty = c.ThirdParty, StartedOn = c.StartedOn, RepliedOn = c.RepliedOn, StartedBy = "setup" }).ToList(),
                Appeals = import.Appeals.Select(a => new RequestAppealRecord
                {
                    Kind = a.Kind, FiledOn = a.FiledOn, Authority = a.Authority, CaseNumber = a.CaseNumber, Result = a.Result,
                    DecidedOn = a.Result == AppealResult.Pending ? null : a.DecidedOn, RecordedBy = "setup",
                }).ToList(),
            };
            db.Set<InformationRequestRecord>().Add(request);
            records.Add((request, import));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Set<RequestApplicantRecord>().AddRange(records.Select(r => RequestService.ToRecord(r.Record.Id, r.Import.Details.Applicant)));

        foreach (var year in added.GroupBy(r => r.Number[..4]))
        {
            var highest = year.Max(r => long.Parse(r.Number[5..], System.Globalization.CultureInfo.InvariantCulture));
            var name = "requests:" + year.Key;
            var counter = await db.Counters.FindAsync([name], cancellationToken);
            if (counter is null)
            {
                db.Counters.Add(new Counter { Name = name, Value = highest });
            }
            else if (counter.Value < highest)
            {
                counter.Value = highest;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Check(RequestImport r)
    {
        if (r.Number[..4] != r.ReceivedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return $"申请 {r.Number} 的编号年份与收到日期 {DateText.Date(r.ReceivedOn)} 不符。";
        }

        if (r.CorrectionRequestedOn is { } asked && (asked < r.ReceivedOn || (r.CorrectionReceivedOn is { } got && got < asked)))
        {
            return $"申请 {r.Number} 的补正日期早于收到申请或补正告知的日期。";
        }

        if (r.CorrectionReceivedOn is not null && r.CorrectionRequestedOn is null)
        {
            return $"申请 {r.Number} 有收到补正的日期，却没有补正告知。";
        }

        var start = r.CorrectionReceivedOn ?? r.ReceivedOn;
        if (r.Consultations.Any(c => c.StartedOn < start || c.RepliedOn < c.StartedOn))
        {
            return $"申请 {r.Number} 的征求意见日期不合顺序。";
        }

        if (r.ClosedOn is { } closed && closed < start)
        {
            return $"申请 {r.Number} 的答复日期早于答复期限的起算日。";
        }

        if (r.ClosedOn is not null && r.Consultations.Any(c => c.RepliedOn is null))
        {
            return $"申请 {r.Number} 已办结，但仍有未结束的征求意见。";
        }

        if (r.Outcome == RequestOutcome.OtherNoCorrection && (r.CorrectionRequestedOn is null || r.CorrectionReceivedOn is not null))
        {
            return $"申请 {r.Number}：“逾期不补正”只适用于告知补正而未补正的申请。";
        }

        return r.Appeals.Any(a => a.FiledOn < r.ReceivedOn || a.DecidedOn < a.FiledOn || (a.Result != AppealResult.Pending && a.DecidedOn is null))
            ? $"申请 {r.Number} 的复议或诉讼日期不合顺序，或已审结却没有审结日期。"
            : null;
    }
}
