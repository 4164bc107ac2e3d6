using Disclosure.Contents.Review.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Secrecy;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Review;

/// <summary>
/// Review before publication (seed 003, 五): 上报 → 初审 → 保密审查 → 领导审批 → 发布. Enforces the rules: nobody
/// approves their own submission, each step is decided by a different person holding the step's role, a return
/// needs an opinion, every scan finding is masked or overridden before 保密审查 passes, and only the exact
/// approved content is ever published. Every action is one transaction with its 台账 entry.
/// </summary>
public sealed class WorkflowService(
    DisclosureDbContext db,
    ContentDefinitionStore definitions,
    ContentManager contentManager,
    LedgerWriter ledger,
    IAttachmentTextSource attachments,
    SecrecyKeywords secrecyKeywords,
    TimeProvider clock)
{
    /// <summary>上报: the latest draft goes into review; the secrecy scan runs now so its findings wait for 保密审查.</summary>
    public Task<ReviewRecord> SubmitAsync(string contentItemId, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var item = await LoadItemAsync(contentItemId, cancellationToken);
            if (!(actor.IsInRole(RoleNames.Editor) || actor.IsInRole(RoleNames.InformationOffice)) || !ContentAccess.MaySee(actor, item))
            {
                throw new WorkflowForbiddenException("只有本部门的信息员或公开办可以上报。");
            }

            var version = item.Versions.Single(v => v.Number == item.LatestVersionNumber);
            if (version.Status != ContentStatus.Draft)
            {
                throw new WorkflowException($"只有草稿可以上报，当前最新版本的状态为“{ContentStatusNames.DisplayName(version.Status)}”。");
            }

            var review = await NewReviewAsync(item, version, actor, emergency: false, cancellationToken);
            version.Status = ContentStatus.InReview;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ReviewLedgerActions.Submit, item.ContentItemId, version.Number, version.ContentHash,
                review.Findings.Count > 0 ? $"自动扫描发现 {review.Findings.Count} 处疑似敏感信息" : null, cancellationToken);
            return review;
        }, cancellationToken);

    /// <summary>Approves the current step. The last approval makes the version ready to publish.</summary>
    public Task<ReviewRecord> ApproveAsync(long reviewId, Actor actor, string? opinion, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var review = await LoadReviewAsync(reviewId, cancellationToken);
            var step = CheckCanDecide(review, actor);
            if (step.SecrecyReview && review.Findings.Any(f => f.Resolution != FindingResolution.Overridden))
            {
                throw new WorkflowException(review.Findings.Any(f => f.Resolution == FindingResolution.Open)
                    ? "还有未处理的敏感信息：请对每一处选择“脱敏”或说明理由后“确认可公开”。"
                    : "有标记为脱敏的内容：请选择“脱敏后通过”，将脱敏后的版本提交下一步审核。");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            Record(review, step, ReviewDecision.Approved, actor, Trim(opinion), now);
            await AdvanceAsync(review, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ReviewLedgerActions.Approve, review.Item.ContentItemId, review.VersionNumber, review.ContentHash,
                $"{step.DisplayName}：{Trim(opinion) ?? "同意"}", cancellationToken);
            return review;
        }, cancellationToken);

    /// <summary>退回: back to the editor with an opinion, which is required.</summary>
    public Task<ReviewRecord> ReturnAsync(long reviewId, Actor actor, string opinion, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(opinion))
            {
                throw new WorkflowException("退回必须填写审核意见，说明需要修改的地方。");
            }

            var review = await LoadReviewAsync(reviewId, cancellationToken);
            var step = CheckCanDecide(review, actor);
            var now = clock.GetUtcNow().UtcDateTime;
            Record(review, step, ReviewDecision.Returned, actor, opinion.Trim(), now);
            review.State = ReviewState.Returned;
            review.CompletedUtc = now;
            if (review.Version.Status == ContentStatus.InReview)
            {
                review.Version.Status = ContentStatus.Draft;
            }

            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ReviewLedgerActions.Return, review.Item.ContentItemId, review.VersionNumber, review.ContentHash,
                $"{step.DisplayName}：{opinion.Trim()}", cancellationToken);
            return review;
        }, cancellationToken);

    /// <summary>The 保密审查员's decision on one finding: mask it, or let it out with a reason.</summary>
    public Task ResolveFindingAsync(long findingId, Actor actor, FindingResolution resolution, string? reason, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var finding = await db.Set<SecrecyFindingRecord>().SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken)
                ?? throw new WorkflowException("该扫描结果不存在。");
            var review = await LoadReviewAsync(finding.ReviewId, cancellationToken);
            var step = CheckCanDecide(review, actor);
            if (!step.SecrecyReview)
            {
                throw new WorkflowException($"当前步骤是“{step.DisplayName}”，只有保密审查步骤可以处理扫描结果。");
            }

            switch (resolution)
            {
                case FindingResolution.Overridden when string.IsNullOrWhiteSpace(reason):
                    throw new WorkflowException("确认可公开必须说明理由。");
                case FindingResolution.Mask when finding.FieldPath.StartsWith("Attachment:", StringComparison.Ordinal):
                    throw new WorkflowException("附件中的内容无法自动脱敏：请退回信息员替换附件，或说明理由后确认可公开。");
                case FindingResolution.Open:
                    throw new WorkflowException("请选择“脱敏”或“确认可公开”。");
            }

            finding.Resolution = resolution;
            finding.Reason = Trim(reason);
            finding.ResolvedBy = actor.UserName;
            finding.ResolvedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, resolution == FindingResolution.Mask ? ReviewLedgerActions.Mask : ReviewLedgerActions.Override,
                review.Item.ContentItemId, review.VersionNumber, review.ContentHash,
                $"{finding.Location}·{finding.Description}：{(resolution == FindingResolution.Mask ? "拟脱敏为 " + (finding.ProposedMask.Length == 0 ? "（删除）" : finding.ProposedMask) : finding.Reason)}",
                cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// 脱敏后通过: in one step the 保密审查员 applies the masks they chose and passes the masked version on to the
    /// next step. The masked copy becomes a new version (the submitted one is archived, never overwritten) whose
    /// author stays the drafter; the review moves onto it, so the later steps approve, and publication checks,
    /// exactly the masked bytes. The 台账 entry names the masking officer and holds both hashes.
    /// </summary>
    public Task<ReviewRecord> MaskAndApproveAsync(long reviewId, Actor actor, string? opinion, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var review = await LoadReviewAsync(reviewId, cancellationToken);
            var step = CheckCanDecide(review, actor);
            if (!step.SecrecyReview)
            {
                throw new WorkflowException($"当前步骤是“{step.DisplayName}”，只有保密审查步骤可以脱敏。");
            }

            var toMask = review.Findings.Where(f => f.Resolution == FindingResolution.Mask).ToList();
            if (toMask.Count == 0)
            {
                throw new WorkflowException("没有标记为脱敏的内容：请直接“通过”。");
            }

            if (review.Findings.Any(f => f.Resolution == FindingResolution.Open))
            {
                throw new WorkflowException("还有未处理的敏感信息：请对每一处选择“脱敏”或说明理由后“确认可公开”。");
            }

            if (review.Version.Status != ContentStatus.InReview)
            {
                // 紧急发布后补审: the version is already public; a masked text is a new publication, so it goes back to the editor.
                throw new WorkflowException($"第 {review.VersionNumber} 版的状态为“{ContentStatusNames.DisplayName(review.Version.Status)}”，不能脱敏后通过；请退回信息员修改后重新上报。");
            }

            var unmasked = review.Version;
            var masked = SecrecyScan.ApplyMasks(ContentData.Parse(unmasked.DataJson), toMask);
            var revised = await contentManager.ReviseInReviewAsync(review.Item.ContentItemId, unmasked.Number, masked, cancellationToken);
            review.Version = revised;
            review.VersionNumber = revised.Number;
            review.ContentHash = revised.ContentHash;

            var now = clock.GetUtcNow().UtcDateTime;
            var summary = $"脱敏后通过：已对 {toMask.Count} 处敏感信息脱敏（第 {unmasked.Number} 版 → 第 {revised.Number} 版）";
            Record(review, step, ReviewDecision.Approved, actor, Trim(opinion) is { } text ? $"{summary}。{text}" : summary, now);
            await AdvanceAsync(review, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, ReviewLedgerActions.MaskAndApprove, review.Item.ContentItemId, revised.Number, revised.ContentHash,
                $"{step.DisplayName}：{summary}；脱敏前哈希 {unmasked.ContentHash}，脱敏后哈希 {revised.ContentHash}{(Trim(opinion) is { } o ? "；" + o : null)}",
                cancellationToken);
            return review;
        }, cancellationToken);

    /// <summary>
    /// The version as submitted, before 脱敏后通过 replaced it with its masked copy; null when nothing was masked.
    /// The masked copy is always the next number: it was made while the submitted version was the latest.
    /// </summary>
    public static int? UnmaskedVersionNumber(ReviewRecord review) =>
        review.Findings.Any(f => f.Resolution == FindingResolution.Mask)
        && review.Decisions.Any(d => d.Decision == ReviewDecision.Approved && review.Chain().Steps.ElementAtOrDefault(d.StepIndex)?.SecrecyReview == true)
            ? review.VersionNumber - 1
            : null;

    /// <summary>发布: only an approved version, only by the publisher role, only if its content is unchanged since approval.</summary>
    public Task<ContentVersionRecord> PublishAsync(string contentItemId, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var (item, version, _) = await LoadApprovedAsync(contentItemId, actor, cancellationToken);
            return await contentManager.PublishAsync(item.ContentItemId, version.Number, actor.UserName, cancellationToken: cancellationToken);
        }, cancellationToken);

    /// <summary>定时发布: the approved version goes public at <paramref name="when"/>, by the scheduler, even across restarts.</summary>
    public Task<ContentVersionRecord> ScheduleAsync(string contentItemId, DateTimeOffset when, Actor actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            if (when <= clock.GetUtcNow())
            {
                throw new WorkflowException("定时发布的时间必须晚于当前时间。");
            }

            var (item, version, _) = await LoadApprovedAsync(contentItemId, actor, cancellationToken);
            version.Status = ContentStatus.Scheduled;
            version.ScheduledUtc = when.UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, LedgerActions.Schedule, item.ContentItemId, version.Number, version.ContentHash,
                $"定于 {DateText.Time(when.UtcDateTime)} 发布", cancellationToken);
            return version;
        }, cancellationToken);

    /// <summary>Publishes every scheduled version whose time has come. Returns how many were published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == ContentStatus.Scheduled && v.ScheduledUtc <= now)
            .OrderBy(v => v.ScheduledUtc)
            .Select(v => new { v.Item.ContentItemId, v.Number, v.ScheduledUtc })
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var version in due)
        {
            try
            {
                // Published now, which is the scheduled time unless the site was down then.
                await contentManager.PublishAsync(version.ContentItemId, version.Number, "scheduler", cancellationToken: cancellationToken);
                published++;
            }
            catch (Exception ex) when (ex is ContentStateException or DbUpdateException)
            {
                // Another node published it first, or it was edited meanwhile: nothing to do.
                db.ChangeTracker.Clear();
            }
        }

        return published;
    }

    /// <summary>
    /// 紧急发布 (seed 001: an authoritative statement within 5 hours): a leader publishes at once; the other steps
    /// of the review stay open and are completed afterwards. The time from draft to publication is recorded.
    /// </summary>
    public Task<ContentVersionRecord> EmergencyPublishAsync(string contentItemId, Actor actor, string opinion, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(opinion))
            {
                throw new WorkflowException("紧急发布必须填写审批意见（发布原因）。");
            }

            var item = await LoadItemOfAgencyAsync(contentItemId, actor, cancellationToken);
            var version = item.Versions.Single(v => v.Number == item.LatestVersionNumber);
            var chain = await ChainForAsync(item, cancellationToken);
            if (chain.EmergencyRole is null || !actor.IsInRole(chain.EmergencyRole))
            {
                throw new WorkflowForbiddenException("只有领导可以紧急发布。");
            }

            var review = await db.Set<ReviewRecord>().Include(r => r.Decisions).Include(r => r.Findings)
                .SingleOrDefaultAsync(r => r.VersionId == version.Id && r.State == ReviewState.InProgress, cancellationToken);
            if (version.Status is not (ContentStatus.Draft or ContentStatus.InReview) || (version.Status == ContentStatus.InReview && review is null))
            {
                throw new WorkflowException($"当前版本的状态为“{ContentStatusNames.DisplayName(version.Status)}”，不能紧急发布。");
            }

            if (review is null)
            {
                if (version.CreatedBy == actor.UserName)
                {
                    throw new WorkflowException("不能审批自己起草的内容。");
                }

                review = await NewReviewAsync(item, version, Actor.System with { UserName = version.CreatedBy ?? "system" }, emergency: true, cancellationToken);
            }

            if (review.SubmittedBy == actor.UserName)
            {
                throw new WorkflowException("不能审批自己上报的内容。");
            }

            review.Emergency = true;
            var now = clock.GetUtcNow().UtcDateTime;
            var leaderStep = review.Chain().Steps.Select((s, i) => (s, i)).LastOrDefault(x => x.s.Role == chain.EmergencyRole);
            review.Decisions.Add(new ReviewDecisionRecord
            {
                StepIndex = leaderStep.s is null ? review.CurrentStep : leaderStep.i,
                StepName = leaderStep.s?.Name ?? "Emergency",
                Decision = ReviewDecision.Approved,
                UserName = actor.UserName,
                Opinion = "紧急发布：" + opinion.Trim(),
                DecidedUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);

            var elapsed = now - version.CreatedUtc;
            var published = await contentManager.PublishAsync(item.ContentItemId, version.Number, actor.UserName,
                ledgerAction: LedgerActions.EmergencyPublish,
                ledgerDetail: $"{opinion.Trim()}（起草至发布用时 {(int)elapsed.TotalHours} 小时 {elapsed.Minutes} 分；其余审核步骤在发布后继续）",
                cancellationToken: cancellationToken);
            await AdvanceAsync(review, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return published;
        }, cancellationToken);

    /// <summary>撤回 by the publisher role, with a reason that stays on the public notice.</summary>
    public Task<ContentVersionRecord> WithdrawAsync(string contentItemId, Actor actor, string reason, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var item = await LoadItemOfAgencyAsync(contentItemId, actor, cancellationToken);
            var chain = await ChainForAsync(item, cancellationToken);
            if (!actor.IsInRole(chain.PublisherRole))
            {
                throw new WorkflowForbiddenException("只有公开办可以撤回已发布的信息。");
            }

            return await contentManager.WithdrawAsync(contentItemId, reason, actor.UserName, cancellationToken: cancellationToken);
        }, cancellationToken);

    /// <summary>Why a user may not decide the review's current step now, or null when they may.</summary>
    public static Exception? WhyCannotDecide(ReviewRecord review, Actor actor)
    {
        var chain = review.Chain();
        if (review.State != ReviewState.InProgress || review.CurrentStep >= chain.Steps.Count)
        {
            return new WorkflowException("该审核已结束。");
        }

        var step = chain.Steps[review.CurrentStep];
        if (!actor.IsInRole(step.Role))
        {
            return new WorkflowForbiddenException($"“{step.DisplayName}”需要由具有相应角色的人员审核。");
        }

        if ((step.SameDepartment && actor.DepartmentCode != review.Item.DepartmentCode) || !ContentAccess.MaySee(actor, review.Item))
        {
            return new WorkflowForbiddenException($"“{step.DisplayName}”只能由本部门的人员审核。");
        }

        if (review.SubmittedBy == actor.UserName || review.Version.CreatedBy == actor.UserName)
        {
            return new WorkflowException("不能审核自己起草或上报的内容。");
        }

        if (review.Decisions.Any(d => d.UserName == actor.UserName && d.Decision == ReviewDecision.Approved))
        {
            return new WorkflowException("同一审核流程中的各个步骤须由不同人员审核，您已审核过其中一步。");
        }

        return null;
    }

    private static ReviewStepDefinition CheckCanDecide(ReviewRecord review, Actor actor) =>
        WhyCannotDecide(review, actor) is { } reason ? throw reason : review.Chain().Steps[review.CurrentStep];

    private static void Record(ReviewRecord review, ReviewStepDefinition step, ReviewDecision decision, Actor actor, string? opinion, DateTime now) =>
        review.Decisions.Add(new ReviewDecisionRecord
        {
            StepIndex = review.CurrentStep,
            StepName = step.Name,
            Decision = decision,
            UserName = actor.UserName,
            Opinion = opinion,
            DecidedUtc = now,
        });

    /// <summary>Moves to the next step not yet approved; after the last, the review is approved.</summary>
    private static Task AdvanceAsync(ReviewRecord review, DateTime now, CancellationToken cancellationToken)
    {
        var steps = review.Chain().Steps;
        var approved = review.Decisions.Where(d => d.Decision == ReviewDecision.Approved).Select(d => d.StepIndex).ToHashSet();
        var next = Enumerable.Range(0, steps.Count).FirstOrDefault(i => !approved.Contains(i), -1);
        if (next >= 0)
        {
            review.CurrentStep = next;
            review.CurrentStepSinceUtc = now;
            return Task.CompletedTask;
        }

        review.CurrentStep = steps.Count;
        review.State = ReviewState.Approved;
        review.CompletedUtc = now;
        if (review.Version.Status == ContentStatus.InReview)
        {
            review.Version.Status = ContentStatus.Approved;
        }

        return Task.CompletedTask;
    }

    private async Task<ReviewRecord> NewReviewAsync(ContentItemRecord item, ContentVersionRecord version, Actor submitter, bool emergency, CancellationToken cancellationToken)
    {
        var chain = await ChainForAsync(item, cancellationToken);
        var type = await definitions.FindAsync(item.ContentType, cancellationToken)
            ?? throw new WorkflowException($"内容类型“{item.ContentType}”不存在。");
        var keywords = await secrecyKeywords.WordsAsync(cancellationToken);
        var scan = new SecrecyScan(new SecrecyScanner(keywords), attachments);
        var now = clock.GetUtcNow().UtcDateTime;
        var review = new ReviewRecord
        {
            Item = item,
            Version = version,
            VersionNumber = version.Number,
            ContentHash = version.ContentHash,
            ChainName = chain.Name,
            ChainJson = ReviewChains.Serialize(chain),
            State = ReviewState.InProgress,
            CurrentStep = 0,
            CurrentStepSinceUtc = now,
            Emergency = emergency,
            SubmittedBy = submitter.UserName,
            SubmittedUtc = now,
            Findings = await scan.RunAsync(type, ContentData.Parse(version.DataJson), cancellationToken),
        };
        db.Set<ReviewRecord>().Add(review);
        return review;
    }

    private async Task<ReviewChainDefinition> ChainForAsync(ContentItemRecord item, CancellationToken cancellationToken)
    {
        var type = await definitions.FindAsync(item.ContentType, cancellationToken);
        var name = type?.ReviewChain ?? throw new WorkflowException($"内容类型“{item.ContentType}”没有配置审核流程。");
        var record = await db.Set<ReviewChainRecord>().SingleOrDefaultAsync(c => c.Name == name, cancellationToken)
            ?? throw new WorkflowException($"审核流程“{name}”不存在。");
        return ReviewChains.Deserialize(record.DefinitionJson);
    }

    private async Task<(ContentItemRecord Item, ContentVersionRecord Version, ReviewRecord Review)> LoadApprovedAsync(string contentItemId, Actor actor, CancellationToken cancellationToken)
    {
        var item = await LoadItemOfAgencyAsync(contentItemId, actor, cancellationToken);
        var chain = await ChainForAsync(item, cancellationToken);
        if (!actor.IsInRole(chain.PublisherRole))
        {
            throw new WorkflowForbiddenException("只有公开办可以发布。");
        }

        var version = item.Versions.SingleOrDefault(v => v.Status is ContentStatus.Approved or ContentStatus.Scheduled)
            ?? throw new WorkflowException("没有审核通过、等待发布的版本。");
        var review = await db.Set<ReviewRecord>().Where(r => r.VersionId == version.Id && r.State == ReviewState.Approved)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException("该版本没有完成审核，不能发布。");
        if (review.ContentHash != version.ContentHash)
        {
            throw new ContentIntegrityException("待发布版本与审核通过时的内容不一致，已拒绝发布。");
        }

        return (item, version, review);
    }

    private async Task<ContentItemRecord> LoadItemAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken)
        ?? throw new ContentNotFoundException($"内容“{contentItemId}”不存在。");

    /// <summary>
    /// The item, for an act of its own agency's office (publish, withdraw, emergency publication): another agency's item
    /// is not found, as on its pages, however the act was reached.
    /// </summary>
    private async Task<ContentItemRecord> LoadItemOfAgencyAsync(string contentItemId, Actor actor, CancellationToken cancellationToken)
    {
        var item = await LoadItemAsync(contentItemId, cancellationToken);
        return AgencyScope.MaySee(actor, item.AgencyCode) ? item : throw new ContentNotFoundException($"内容“{contentItemId}”不存在。");
    }

    private async Task<ReviewRecord> LoadReviewAsync(long reviewId, CancellationToken cancellationToken) =>
        await db.Set<ReviewRecord>().Include(r => r.Item).Include(r => r.Version).Include(r => r.Decisions).Include(r => r.Findings)
            .SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
        ?? throw new WorkflowException("该审核记录不存在。");

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
