using System.Diagnostics;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.IndexNumbers;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.DataGenerator;

/// <summary>
/// Writes generated items straight into the content tables as published versions, in batches of one transaction
/// each: items, versions and change-log rows (prepared bulk inserts built from the EF model), with 索引号 and change-log sequences reserved in blocks from the same
/// counters real publication uses, so the site can go on publishing afterwards without a clash.
/// </summary>
public sealed class DatabaseFiller(Func<DisclosureDbContext> createContext, TextWriter log)
{
    public const int BatchSize = 2_000;

    public async Task FillAsync(Corpus corpus, CancellationToken cancellationToken)
    {
        await using (var probe = createContext())
        {
            var firstId = corpus.Items().First().Id;
            if (await probe.ContentItems.AnyAsync(i => i.ContentItemId == firstId, cancellationToken))
            {
                throw new InvalidOperationException($"该数据库中已有用种子 {firstId.Split('-')[0][3..]} 生成的内容；请换一个 --seed 或使用新的数据库。");
            }
        }

        var agencies = await LoadAgenciesAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var written = 0;
        foreach (var batch in corpus.Items().Chunk(BatchSize))
        {
            await using var db = createContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var numbers = await ReserveIndexNumbersAsync(db, batch, agencies, cancellationToken);
            var lastSequence = await Counters.ReserveAsync(db, Counters.ChangeLog, batch.Length, cancellationToken);
            await InsertAsync(db, batch, numbers, lastSequence - batch.Length, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += batch.Length;
            if (written % 50_000 < BatchSize || written == corpus.Size)
            {
                log.WriteLine($"  {written:N0} / {corpus.Size:N0} 条，{written / watch.Elapsed.TotalSeconds:N0} 条/秒");
            }
        }

        log.WriteLine($"完成：{written:N0} 条，用时 {watch.Elapsed.TotalSeconds:N1} 秒。");
    }

    /// <summary>
    /// Items, then (with the keys the database gave them) their published versions and change-log rows, each through
    /// prepared bulk statements: the generator is bound by these inserts, and EF's change tracking would triple them.
    /// </summary>
    private static async Task InsertAsync(
        DisclosureDbContext db, IReadOnlyList<Search.Indexing.IndexableContent> batch, Dictionary<string, string> numbers, long sequence, CancellationToken cancellationToken)
    {
        var ownAgency = await new AgencyDirectory(db).DefaultCodeAsync(cancellationToken);
        await using (var items = new BulkInsert<ContentItemRecord>(db))
        {
            foreach (var content in batch)
            {
                var published = Published(content);
                await items.AddAsync(new ContentItemRecord
                {
                    ContentItemId = content.Id,
                    ContentType = content.Type.Name,
                    IndexNumber = numbers[content.Id],
                    AgencyCode = content.Data.Agency ?? ownAgency,
                    CreatedUtc = published,
                    CreatedBy = "generator",
                    FirstPublishedUtc = published,
                    LatestVersionNumber = 1,
                }, cancellationToken);
            }

            await items.FlushAsync(cancellationToken);
        }

        var ids = batch.Select(c => c.Id).ToList();
        var keys = await db.ContentItems.Where(i => ids.Contains(i.ContentItemId)).ToDictionaryAsync(i => i.ContentItemId, i => i.Id, cancellationToken);
        await using var versions = new BulkInsert<ContentVersionRecord>(db);
        await using var changes = new BulkInsert<ChangeLogEntry>(db);
        foreach (var content in batch)
        {
            var published = Published(content);
            await versions.AddAsync(new ContentVersionRecord
            {
                ItemId = keys[content.Id],
                Number = 1,
                Status = ContentStatus.Published,
                ContentType = content.Type.Name,
                Title = content.Data.Title,
                DataJson = content.Data.ToJson(),
                ContentHash = content.Data.ComputeHash(content.Type.Name),
                CatalogueCode = content.Data.Catalogue,
                AgencyCode = content.Data.Agency,
                DocumentNumber = content.Data.DocumentNumber,
                WrittenDate = ChinaTime.ToDate(published),
                CreatedUtc = published,
                CreatedBy = "generator",
                PublishedUtc = published,
                PublishedBy = "generator",
            }, cancellationToken);
            await changes.AddAsync(new ChangeLogEntry
            {
                Sequence = ++sequence,
                ContentItemId = content.Id,
                ContentType = content.Type.Name,
                VersionNumber = 1,
                Kind = ChangeKind.Published,
                OccurredUtc = published,
            }, cancellationToken);
        }

        await versions.FlushAsync(cancellationToken);
        await changes.FlushAsync(cancellationToken);
    }

    private static DateTime Published(Search.Indexing.IndexableContent content) => DateTime.SpecifyKind(content.PublishedUtc, DateTimeKind.Utc);

    private async Task<Dictionary<string, AgencyRecord>> LoadAgenciesAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, cancellationToken);
    }

    /// <summary>索引号 for the batch: one block of numbers per 索引号 scope (agency and year), taken from the real counters.</summary>
    private static async Task<Dictionary<string, string>> ReserveIndexNumbersAsync(
        DisclosureDbContext db, IReadOnlyList<Search.Indexing.IndexableContent> batch, Dictionary<string, AgencyRecord> agencies, CancellationToken cancellationToken)
    {
        var defaultPattern = await db.SiteSettings.Where(s => s.Name == IndexNumberAllocator.DefaultFormatSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
            ?? IndexNumberFormat.Default;
        var planned = batch.Select(content =>
        {
            var agency = agencies[content.Data.Agency!];
            var format = IndexNumberFormat.Parse(agency.IndexNumberFormat ?? defaultPattern);
            var context = new IndexNumberContext(agency.Code, agency.AreaCode, agency.DepartmentCode, ChinaTime.ToDate(content.PublishedUtc));
            return (content.Id, Format: format, Context: context, Scope: format.Scope(context));
        }).ToList();

        var numbers = new Dictionary<string, string>();
        foreach (var group in planned.GroupBy(p => p.Scope))
        {
            var last = await Counters.ReserveAsync(db, Counters.IndexNumberScope(group.Key), group.Count(), cancellationToken);
            var next = last - group.Count();
            foreach (var (id, format, context, _) in group)
            {
                numbers[id] = format.Format(context, ++next);
            }
        }

        return numbers;
    }
}
