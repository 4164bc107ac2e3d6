using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;

namespace Disclosure.Bench.AnnualReport;

/// <summary>
/// Applications, appeals and 双公示 decisions for the bench, written in batches with change tracking off
/// (deterministic from a seed): applications received 2023–2026 by every applicant kind, most closed with a random
/// outcome within 40 days, some still open; appeals on one in forty; licences and penalties decided 2023–2026.
/// </summary>
public static class BulkSeed
{
    public static async Task ApplicationsAsync(Func<DisclosureDbContext> context, string agencyCode, int count, int seed)
    {
        var random = new Random(seed);
        var outcomes = RequestOutcomes.All;
        for (var done = 0; done < count;)
        {
            await using var db = context();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<InformationRequestRecord>();
            for (var i = 0; i < 2_000 && done < count; i++, done++)
            {
                var received = new DateOnly(2023, 1, 1).AddDays(random.Next(4 * 365));
                var closed = random.Next(10) == 0 ? (DateOnly?)null : received.AddDays(5 + random.Next(35));
                batch.Add(new InformationRequestRecord
                {
                    AgencyCode = agencyCode,
                    Number = $"B{seed}-{done:000000}",
                    TrackingCode = $"B{seed:00}{done:0000000000}",
                    Kind = ApplicantKinds.All[random.Next(random.Next(3) == 0 ? 6 : 1)],
                    ReceivedOn = received,
                    ClockStartOn = received,
                    RegisteredUtc = DateTime.UtcNow,
                    RegisteredBy = "bench",
                    Description = "基准测试申请",
                    Stage = closed is null ? RequestStage.Processing : RequestStage.Closed,
                    ClosedOn = closed,
                    Outcome = closed is null ? null : outcomes[random.Next(random.Next(2) == 0 ? 2 : outcomes.Count)],
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                });
            }

            db.AddRange(batch);
            await db.SaveChangesAsync();
            var appeals = batch.Where((_, i) => i % 40 == 0).Select(r => new RequestAppealRecord
            {
                RequestId = r.Id,
                Kind = (AppealKind)random.Next(3),
                FiledOn = r.ReceivedOn.AddDays(60),
                Authority = "基准复议机关",
                Result = (AppealResult)random.Next(4),
                DecidedOn = random.Next(4) == 0 ? null : r.ReceivedOn.AddDays(120),
                RecordedBy = "bench",
            }).ToList();
            foreach (var appeal in appeals.Where(a => a.Result == AppealResult.Pending))
            {
                appeal.DecidedOn = null;
            }

            db.AddRange(appeals);
            await db.SaveChangesAsync();
        }
    }

    public static async Task CreditAsync(Func<DisclosureDbContext> context, string agencyCode, int count, int seed)
    {
        var random = new Random(seed + 1);
        for (var done = 0; done < count;)
        {
            await using var db = context();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 2_000 && done < count; i++, done++)
            {
                var date = new DateOnly(2023, 1, 1).AddDays(random.Next(4 * 365));
                var status = (CreditRecordStatus)random.Next(4);
                if (done % 2 == 0)
                {
                    db.Add(Fill(new CreditLicenceRecord { ValidFrom = date, ValidUntil = date.AddYears(3) }, date, status, seed, done, agencyCode));
                }
                else
                {
                    db.Add(Fill(new CreditPenaltyRecord { PublicationEnd = date.AddYears(1), Severity = Severity.General }, date, status, seed, done, agencyCode));
                }
            }

            await db.SaveChangesAsync();
        }
    }

    private static T Fill<T>(T record, DateOnly date, CreditRecordStatus status, int seed, int n, string agencyCode) where T : CreditRecordBase
    {
        record.AgencyCode = agencyCode;
        record.Status = status;
        record.PartyName = record.PublicPartyName = $"基准测试企业{n}";
        record.PartyKind = PartyKind.LegalEntity;
        record.DecisionNumber = $"基准决字〔{date.Year}〕{n}号";
        record.DecisionNumberKey = $"bench-{seed}-{n}";
        record.DecisionDate = date;
        record.Authority = record.SourceUnit = "永宁县公安局";
        record.AuthorityCreditCode = record.SourceUnitCreditCode = "11640121MB1570283J";
        record.CreatedBy = record.UpdatedBy = "bench";
        return record;
    }
}
