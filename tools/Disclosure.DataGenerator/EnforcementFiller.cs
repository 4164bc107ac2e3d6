using System.Diagnostics;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Services;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.DataGenerator;

/// <summary>
/// Writes generated 执法公开 cases straight into their four tables, a batch of cases per transaction, through the same
/// prepared bulk inserts as the content (<see cref="BulkInsert{T}"/>: one prepared single-row statement on SQLite,
/// multi-row statements on PostgreSQL). The registry's checks are the corpus's job (every date, type and role is
/// valid by construction, and the kinds are checked against the database's vocabulary first); going through
/// <see cref="CaseRegistry"/> a case at a time would make a million cases a matter of hours.
/// </summary>
public sealed class EnforcementFiller(Func<DisclosureDbContext> createContext, TextWriter log)
{
    public const int BatchSize = 2_000;

    /// <summary>
    /// Writes the corpus's cases. With <paramref name="openingOnly"/> each case gets only its opening event (受案, as
    /// <see cref="CaseRegistry.RegisterAsync"/> writes it), so the rest can be imported afterwards (the import bench).
    /// </summary>
    public async Task FillAsync(EnforcementCorpus corpus, CancellationToken cancellationToken, bool openingOnly = false)
    {
        await CheckAsync(corpus, cancellationToken);
        var watch = Stopwatch.StartNew();
        var written = 0;
        var events = 0L;
        foreach (var batch in corpus.Cases().Chunk(BatchSize))
        {
            await using var db = createContext();
            if (db.Database.IsSqlite())
            {
                // A larger page cache for this connection keeps the event indexes' pages in memory across batches.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            events += await InsertAsync(db, batch, openingOnly, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += batch.Length;
            if (written % 100_000 < BatchSize || written == corpus.Size)
            {
                log.WriteLine($"  {written:N0} / {corpus.Size:N0} 件案件，{events:N0} 条办理环节，{written / watch.Elapsed.TotalSeconds:N0} 件/秒");
            }
        }

        log.WriteLine($"执法公开案件完成：{written:N0} 件，{events:N0} 条办理环节，用时 {watch.Elapsed.TotalSeconds:N1} 秒。");
    }

    private async Task CheckAsync(EnforcementCorpus corpus, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var kinds = await new CaseKindStore(db, new CaseKindCache()).GetAsync(cancellationToken);
        foreach (var sample in corpus.Cases().Take(2_000))
        {
            var kind = kinds.Find(sample.Head.Kind) ?? throw new InvalidOperationException($"数据库中没有案件类别 {sample.Head.Kind}：请先应用 recipes/setup.json。");
            foreach (var missing in sample.Events.Select(e => e.Type).Where(t => kind.FindEvent(t) is null)
                .Concat(sample.Parties.Select(p => p.Role).Where(r => kind.FindRole(r) is null)))
            {
                throw new InvalidOperationException($"{kind.Name}没有“{missing}”：生成器与 recipes/setup.json 的案件类别不一致。");
            }
        }

        if (corpus.Heads().FirstOrDefault() is { } first && await db.Set<EnforcementCaseRecord>().AnyAsync(c => c.Number == first.Number, cancellationToken))
        {
            throw new InvalidOperationException($"该数据库中已有案件 {first.Number}：生成的案件已写入过，请使用新的数据库。");
        }
    }

    /// <summary>Cases, then (with the keys the database gave them) parties, their contacts and the events.</summary>
    private static async Task<int> InsertAsync(DisclosureDbContext db, GeneratedCase[] batch, bool openingOnly, CancellationToken cancellationToken)
    {
        var cases = db.Set<EnforcementCaseRecord>();
        var lastCase = await cases.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var agency = await new AgencyDirectory(db).DefaultCodeAsync(cancellationToken);
        await using (var insert = new BulkInsert<EnforcementCaseRecord>(db))
        {
            foreach (var c in batch)
            {
                await insert.AddAsync(new EnforcementCaseRecord
                {
                    Number = c.Head.Number, AgencyCode = agency, KindCode = c.Head.Kind, UnitName = c.UnitName, UnitContact = c.UnitContact, AcceptedOn = c.Head.AcceptedOn,
                    StageCode = openingOnly ? c.Events[0].Type : c.Stage, CreatedUtc = c.Events[0].RecordedUtc, CreatedBy = "generator",
                }, cancellationToken);
            }

            await insert.FlushAsync(cancellationToken);
        }

        var caseIds = await cases.Where(c => c.Id > lastCase).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Number, c => c.Id, cancellationToken);
        var parties = db.Set<CasePartyRecord>();
        var lastParty = await parties.MaxAsync(p => (long?)p.Id, cancellationToken) ?? 0;
        await using (var insert = new BulkInsert<CasePartyRecord>(db))
        {
            foreach (var c in batch)
            {
                foreach (var party in c.Parties)
                {
                    await insert.AddAsync(new CasePartyRecord
                    {
                        CaseId = caseIds[c.Head.Number], RoleCode = party.Role, QueryCodeHash = CaseRegistry.HashCode(party.Code), Notify = party.Notify,
                        CreatedUtc = c.Events[0].RecordedUtc,
                    }, cancellationToken);
                }
            }

            await insert.FlushAsync(cancellationToken);
        }

        var partyIds = await parties.Where(p => p.Id > lastParty).Select(p => new { p.Id, p.QueryCodeHash }).ToDictionaryAsync(p => p.QueryCodeHash, p => p.Id, cancellationToken);
        await using (var insert = new BulkInsert<CasePartyContactRecord>(db))
        {
            foreach (var party in batch.SelectMany(c => c.Parties))
            {
                await insert.AddAsync(new CasePartyContactRecord
                {
                    PartyId = partyIds[CaseRegistry.HashCode(party.Code)], Name = party.Name, IdNumber = party.IdNumber, Phone = party.Phone,
                }, cancellationToken);
            }

            await insert.FlushAsync(cancellationToken);
        }

        var events = 0;
        await using (var insert = new BulkInsert<CaseEventRecord>(db))
        {
            foreach (var c in batch)
            {
                var caseId = caseIds[c.Head.Number];
                foreach (var e in openingOnly ? c.Events.Take(1) : c.Events)
                {
                    await insert.AddAsync(new CaseEventRecord
                    {
                        CaseId = caseId, TypeCode = e.Type, DocumentName = e.DocumentName, DocumentNumber = e.DocumentNumber, Detail = e.Detail,
                        FormedOn = e.FormedOn, VisibleUtc = e.VisibleUtc, RecordedUtc = e.RecordedUtc, RecordedBy = "generator",
                    }, cancellationToken);
                    events++;
                }
            }

            await insert.FlushAsync(cancellationToken);
        }

        return events;
    }
}
