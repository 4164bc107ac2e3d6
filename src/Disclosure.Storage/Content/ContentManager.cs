using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.ContentManagement.Validation;
using Disclosure.Core.Recipes;
using Disclosure.Core.Time;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Content;

/// <summary>
/// Creates, versions, publishes and withdraws content items. Every method is one transaction (or joins the
/// caller's), so a failure leaves nothing half-written; every publish, update and withdrawal of public content
/// appends to the change log in that same transaction.
/// </summary>
public sealed class ContentManager(
    DisclosureDbContext db,
    ContentDefinitionStore definitions,
    IndexNumberAllocator indexNumbers,
    LedgerWriter ledger,
    TimeProvider clock,
    IEnumerable<IContentChangeObserver> observers,
    IEnumerable<IContentEditObserver> editObservers,
    AgencyDirectory agencies)
{
    public Task<ContentVersionRecord> CreateAsync(
        string contentType,
        ContentData data,
        string? user,
        string? department = null,
        string? contentItemId = null,
        ContentValidationContext? validationContext = null,
        CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var type = await definitions.FindAsync(contentType, cancellationToken)
                ?? throw new ContentValidationException([new ValidationError("type", $"内容类型“{contentType}”不存在。")]);

            contentItemId ??= ContentItemIds.New();
            if (!ContentItemIds.IsValid(contentItemId))
            {
                throw new ContentValidationException([new ValidationError("id", $"内容编号“{contentItemId}”无效：{ContentItemIds.Rule}")]);
            }

            if (await db.ContentItems.AnyAsync(i => i.ContentItemId == contentItemId, cancellationToken))
            {
                throw new ContentValidationException([new ValidationError("id", $"内容编号“{contentItemId}”已被使用。")]);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var item = new ContentItemRecord
            {
                ContentItemId = contentItemId,
                ContentType = contentType,
                DepartmentCode = department,
                AgencyCode = data.Agency is { Length: > 0 } agency ? agency : await agencies.DefaultCodeAsync(cancellationToken),
                CreatedUtc = now,
                CreatedBy = user,
            };
            db.ContentItems.Add(item);
            var version = await NewVersionAsync(item, type, data, user, now, validationContext, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return version;
        }, cancellationToken);

    /// <summary>
    /// Saves new data as a new version. Nothing is ever overwritten: an open draft before it is archived, and
    /// the published version stays public until the new one is published.
    /// </summary>
    public Task<ContentVersionRecord> SaveDraftAsync(string contentItemId, ContentData data, string? user, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var item = await LoadItemAsync(contentItemId, cancellationToken);
            var type = await definitions.FindAsync(item.ContentType, cancellationToken)
                ?? throw new ContentStateException($"内容类型“{item.ContentType}”已不存在，无法编辑。");

            // An edit archives every open version, never overwriting one; the review module is told, so a version
            // that was in review or approved loses its review and the chain starts again on the new version.
            var open = item.Versions.Where(v => v.Status is ContentStatus.Draft or ContentStatus.InReview or ContentStatus.Approved or ContentStatus.Scheduled).ToList();
            foreach (var version in open)
            {
                version.Status = ContentStatus.Archived;
                version.ScheduledUtc = null;
            }

            var created = await NewVersionAsync(item, type, data, user, clock.GetUtcNow().UtcDateTime, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var observer in editObservers)
            {
                await observer.OnEditedAsync(new ContentEdit(item, open, created, user), cancellationToken);
            }

            return created;
        }, cancellationToken);

    /// <summary>
    /// 脱敏后通过: the version in review is replaced by a masked copy that stays in review, so the chain goes on
    /// without the editor. The copy keeps its drafter as author (masking is not authorship: who masked is in the
    /// review decision and the 台账); the version it replaces is archived, never overwritten. Unlike an edit, no
    /// review is superseded: the caller moves the running review onto the new version in the same transaction.
    /// </summary>
    public Task<ContentVersionRecord> ReviseInReviewAsync(string contentItemId, int versionNumber, ContentData data, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var item = await LoadItemAsync(contentItemId, cancellationToken);
            var previous = item.Versions.SingleOrDefault(v => v.Number == versionNumber)
                ?? throw new ContentNotFoundException($"内容“{contentItemId}”没有第 {versionNumber} 版。");
            if (previous.Status != ContentStatus.InReview || item.LatestVersionNumber != versionNumber)
            {
                throw new ContentStateException($"第 {versionNumber} 版的状态为“{ContentStatusNames.DisplayName(previous.Status)}”，不是审核中的最新版本。");
            }

            var type = await definitions.FindAsync(item.ContentType, cancellationToken)
                ?? throw new ContentStateException($"内容类型“{item.ContentType}”已不存在。");
            previous.Status = ContentStatus.Archived;
            var revised = await NewVersionAsync(item, type, data, previous.CreatedBy, clock.GetUtcNow().UtcDateTime, null, cancellationToken);
            revised.Status = ContentStatus.InReview;
            await db.SaveChangesAsync(cancellationToken);
            return revised;
        }, cancellationToken);

    /// <summary>
    /// Publishes a version (the latest when <paramref name="versionNumber"/> is null). Assigns the 索引号 at the
    /// item's first publication, archives the version that was public before, and logs the change.
    /// </summary>
    public Task<ContentVersionRecord> PublishAsync(
        string contentItemId,
        int? versionNumber,
        string? user,
        DateTimeOffset? publishedAt = null,
        string ledgerAction = LedgerActions.Publish,
        string? ledgerDetail = null,
        CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var item = await LoadItemAsync(contentItemId, cancellationToken);
            var number = versionNumber ?? item.LatestVersionNumber;
            var version = item.Versions.SingleOrDefault(v => v.Number == number)
                ?? throw new ContentNotFoundException($"内容“{contentItemId}”没有第 {number} 版。");

            if (version.Status is ContentStatus.Published or ContentStatus.Withdrawn or ContentStatus.Archived)
            {
                throw new ContentStateException($"第 {number} 版的状态为“{ContentStatusNames.DisplayName(version.Status)}”，不能发布。");
            }

            // What goes public must be exactly what was written and reviewed.
            if (ContentData.Parse(version.DataJson).ComputeHash(item.ContentType) != version.ContentHash)
            {
                throw new ContentIntegrityException($"内容“{contentItemId}”第 {number} 版的数据与其记录的哈希值不一致，可能被篡改，已拒绝发布。");
            }

            var when = (publishedAt ?? clock.GetUtcNow()).UtcDateTime;
            var previous = item.Versions.SingleOrDefault(v => v.Status == ContentStatus.Published);
            if (previous is not null)
            {
                previous.Status = ContentStatus.Archived;
                // Saved first so the one-published-version index never sees two at once.
                await db.SaveChangesAsync(cancellationToken);
            }

            if (item.IndexNumber is null)
            {
                var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == version.AgencyCode, cancellationToken)
                    ?? throw new ContentStateException($"发布机构“{version.AgencyCode}”不存在，无法分配索引号。");
                item.IndexNumber = await indexNumbers.AllocateAsync(agency, ChinaTime.ToDate(when), cancellationToken);
            }

            version.Status = ContentStatus.Published;
            version.PublishedUtc = when;
            version.PublishedBy = user;
            item.FirstPublishedUtc ??= when;

            var kind = previous is null ? ChangeKind.Published : ChangeKind.Updated;
            await AppendChangeAsync(item, version, kind, when, user, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(user ?? "system", ledgerAction, item.ContentItemId, version.Number, version.ContentHash,
                ledgerDetail ?? $"索引号 {item.IndexNumber}", cancellationToken, when);
            return version;
        }, cancellationToken);

    /// <summary>Takes the published version off the public side (撤回), keeping it with the reason for the public notice.</summary>
    public Task<ContentVersionRecord> WithdrawAsync(
        string contentItemId,
        string reason,
        string? user,
        DateTimeOffset? withdrawnAt = null,
        CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ContentValidationException([new ValidationError("reason", "撤回必须填写理由。")]);
            }

            if (reason.Length > 500)
            {
                throw new ContentValidationException([new ValidationError("reason", $"撤回理由不能超过 500 个字符（当前 {reason.Length} 个）。")]);
            }

            var item = await LoadItemAsync(contentItemId, cancellationToken);
            var version = item.Versions.SingleOrDefault(v => v.Status == ContentStatus.Published)
                ?? throw new ContentStateException($"内容“{contentItemId}”当前没有已发布的版本，无需撤回。");

            var when = (withdrawnAt ?? clock.GetUtcNow()).UtcDateTime;
            version.Status = ContentStatus.Withdrawn;
            version.WithdrawnUtc = when;
            version.WithdrawnBy = user;
            version.WithdrawReason = reason.Trim();
            await AppendChangeAsync(item, version, ChangeKind.Withdrawn, when, user, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(user ?? "system", LedgerActions.Withdraw, item.ContentItemId, version.Number, version.ContentHash,
                version.WithdrawReason, cancellationToken, when);
            return version;
        }, cancellationToken);

    /// <summary>
    /// Writes an exported item's whole history as the old site had it (an office moving here): every version with its
    /// status, data, author and times, the 索引号 kept rather than allocated, each publication and withdrawal in the
    /// 台账 at its own time, and the item's public state in the change log (so the search index and the API's change
    /// feed see it). The channels are not told: this is history the old site already sent out, not news. Runs in the
    /// caller's transaction (the recipe's); the data was validated by the caller.
    /// </summary>
    public async Task ImportHistoryAsync(ContentImportItem import, ContentTypeDefinition type, CancellationToken cancellationToken = default)
    {
        var versions = import.Versions ?? throw new ArgumentException("Only an item with its versions is imported as history.", nameof(import));
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItemRecord
        {
            ContentItemId = import.Id,
            ContentType = type.Name,
            IndexNumber = string.IsNullOrWhiteSpace(import.IndexNumber) ? null : import.IndexNumber,
            DepartmentCode = import.Department,
            CreatedUtc = (import.CreatedAt ?? versions[0].CreatedAt)?.UtcDateTime ?? now,
            CreatedBy = import.CreatedBy ?? versions[0].CreatedBy,
        };
        db.ContentItems.Add(item);
        foreach (var imported in versions)
        {
            var data = imported.Data.Clone();
            HtmlFieldSanitizer.Sanitize(type, data);
            var version = new ContentVersionRecord
            {
                Item = item,
                Number = imported.Number,
                Status = imported.Status,
                ContentType = type.Name,
                Title = data.Title.Trim(),
                DataJson = data.ToJson(),
                ContentHash = data.ComputeHash(type.Name),
                CatalogueCode = data.Catalogue,
                AgencyCode = data.Agency,
                DocumentNumber = string.IsNullOrWhiteSpace(data.DocumentNumber) ? null : data.DocumentNumber.Trim(),
                WrittenDate = data.GetDate(Core.Disclosure.DisclosureMetadataPart.PartName, Core.Disclosure.DisclosureMetadataPart.WrittenDate),
                CreatedUtc = imported.CreatedAt?.UtcDateTime ?? item.CreatedUtc,
                CreatedBy = imported.CreatedBy,
                ScheduledUtc = imported.ScheduledAt?.UtcDateTime,
                PublishedUtc = imported.PublishedAt?.UtcDateTime,
                PublishedBy = imported.PublishedBy,
                WithdrawnUtc = imported.WithdrawnAt?.UtcDateTime,
                WithdrawnBy = imported.WithdrawnBy,
                WithdrawReason = imported.WithdrawReason,
            };
            item.Versions.Add(version);
            item.LatestVersionNumber = version.Number;
            if (version.AgencyCode is { Length: > 0 } publisher)
            {
                item.AgencyCode = publisher;
            }
        }

        var published = item.Versions.Where(v => v.PublishedUtc is not null).ToList();
        item.FirstPublishedUtc = published.Count == 0 ? null : published.Min(v => v.PublishedUtc);
        await db.SaveChangesAsync(cancellationToken);

        // The 台账 as the old site wrote it: each publication and withdrawal in time order, with the version's hash.
        var events = published.Select(v => (When: v.PublishedUtc!.Value, Version: v, Action: LedgerActions.Publish, Detail: $"迁入：索引号 {item.IndexNumber}"))
            .Concat(item.Versions.Where(v => v.WithdrawnUtc is not null).Select(v => (When: v.WithdrawnUtc!.Value, Version: v, Action: LedgerActions.Withdraw, Detail: "迁入：" + v.WithdrawReason)))
            .OrderBy(e => e.When).ThenBy(e => e.Version.Number);
        foreach (var (when, version, action, detail) in events)
        {
            await ledger.AppendAsync(RecipeImportUser(version, action), action, item.ContentItemId, version.Number, version.ContentHash, detail, cancellationToken,
                when);
        }

        // What the public side shows now: the live version, or the withdrawal notice of the last public one.
        var live = item.Versions.SingleOrDefault(v => v.Status == ContentStatus.Published)
            ?? item.Versions.Where(v => v.Status == ContentStatus.Withdrawn).MaxBy(v => v.Number);
        if (live is not null)
        {
            var kind = live.Status == ContentStatus.Withdrawn ? ChangeKind.Withdrawn : published.Count > 1 ? ChangeKind.Updated : ChangeKind.Published;
            db.ChangeLog.Add(new ChangeLogEntry
            {
                Sequence = await Counters.NextAsync(db, Counters.ChangeLog, cancellationToken),
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                VersionNumber = live.Number,
                Kind = kind,
                OccurredUtc = (live.WithdrawnUtc ?? live.PublishedUtc)!.Value,
            });
            db.PublicChangeWritten = true;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string RecipeImportUser(ContentVersionRecord version, string action) =>
        (action == LedgerActions.Withdraw ? version.WithdrawnBy : version.PublishedBy) ?? "system";

    /// <summary>The site's lists to check content against; <paramref name="pending"/> adds items not yet saved (an import).</summary>
    public async Task<ContentValidationContext> BuildValidationContextAsync(
        IReadOnlyDictionary<string, string>? pending = null,
        CancellationToken cancellationToken = default)
    {
        var catalogue = await db.CatalogueClasses.Select(c => c.Code).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.Select(a => a.Code).ToListAsync(cancellationToken);
        var topics = await db.Topics.Select(t => t.Name).ToListAsync(cancellationToken);
        var existing = await db.ContentItems.Select(i => new { i.ContentItemId, i.ContentType }).ToDictionaryAsync(i => i.ContentItemId, i => i.ContentType, cancellationToken);
        return new ContentValidationContext
        {
            CatalogueCodes = catalogue.ToHashSet(),
            AgencyCodes = agencies.ToHashSet(),
            Topics = topics.ToHashSet(),
            FindContentType = id => existing.GetValueOrDefault(id) ?? pending?.GetValueOrDefault(id),
        };
    }

    private async Task<ContentVersionRecord> NewVersionAsync(
        ContentItemRecord item,
        ContentTypeDefinition type,
        ContentData data,
        string? user,
        DateTime now,
        ContentValidationContext? validationContext,
        CancellationToken cancellationToken)
    {
        data = data.Clone();
        HtmlFieldSanitizer.Sanitize(type, data);
        validationContext ??= await BuildValidationContextAsync(cancellationToken: cancellationToken);
        var errors = ContentValidator.Validate(type, data, validationContext);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        var version = new ContentVersionRecord
        {
            Item = item,
            Number = ++item.LatestVersionNumber,
            Status = ContentStatus.Draft,
            ContentType = type.Name,
            Title = data.Title.Trim(),
            DataJson = data.ToJson(),
            ContentHash = data.ComputeHash(type.Name),
            CatalogueCode = data.Catalogue,
            AgencyCode = data.Agency,
            DocumentNumber = string.IsNullOrWhiteSpace(data.DocumentNumber) ? null : data.DocumentNumber.Trim(),
            WrittenDate = data.GetDate(Core.Disclosure.DisclosureMetadataPart.PartName, Core.Disclosure.DisclosureMetadataPart.WrittenDate),
            CreatedUtc = now,
            CreatedBy = user,
        };
        item.Versions.Add(version);
        // The item follows its latest 发布机构, so staff isolation and the public site agree on whose it is.
        if (version.AgencyCode is { Length: > 0 } publisher)
        {
            item.AgencyCode = publisher;
        }

        return version;
    }

    private async Task AppendChangeAsync(ContentItemRecord item, ContentVersionRecord version, ChangeKind kind, DateTime when, string? user, CancellationToken cancellationToken)
    {
        // Taken last, just before commit, so the change-log counter is held as briefly as possible.
        var entry = new ChangeLogEntry
        {
            Sequence = await Counters.NextAsync(db, Counters.ChangeLog, cancellationToken),
            ContentItemId = item.ContentItemId,
            ContentType = item.ContentType,
            VersionNumber = version.Number,
            Kind = kind,
            OccurredUtc = when,
        };
        db.ChangeLog.Add(entry);
        db.PublicChangeWritten = true;
        foreach (var observer in observers)
        {
            await observer.OnChangeAsync(new ContentChange(entry, item, version, user), cancellationToken);
        }
    }

    private async Task<ContentItemRecord> LoadItemAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken)
        ?? throw new ContentNotFoundException($"内容“{contentItemId}”不存在。");
}
