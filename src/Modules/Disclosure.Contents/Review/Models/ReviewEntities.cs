using Disclosure.Storage.Entities;
namespace Disclosure.Contents.Review.Models;

/// <summary>A review chain from the setup recipe, kept as JSON.</summary>
public sealed class ReviewChainRecord
{
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public required string DefinitionJson { get; set; }
}

public enum ReviewState
{
    /// <summary>审核中: waiting for the step at <see cref="ReviewRecord.CurrentStep"/>.</summary>
    InProgress,
    /// <summary>审核通过: every step approved.</summary>
    Approved,
    /// <summary>已退回: a reviewer returned it with an opinion.</summary>
    Returned,
    /// <summary>已作废: the content was edited during review, so the chain starts again on the new version.</summary>
    Superseded,
}

/// <summary>
/// One pass of one version through its review chain (上报 → 初审 → 保密审查 → 领导审批). The chain is copied in at
/// submission so that a recipe change never alters a review already under way.
/// </summary>
public sealed class ReviewRecord
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public ContentItemRecord Item { get; set; } = null!;
    public long VersionId { get; set; }
    public ContentVersionRecord Version { get; set; } = null!;
    public int VersionNumber { get; set; }
    /// <summary>The hash of the version as submitted; every approval is of exactly this content.</summary>
    public required string ContentHash { get; set; }
    public required string ChainName { get; set; }
    public required string ChainJson { get; set; }
    public ReviewState State { get; set; }
    /// <summary>Index of the step now waiting for a decision.</summary>
    public int CurrentStep { get; set; }
    public DateTime CurrentStepSinceUtc { get; set; }
    /// <summary>紧急发布: published after one leader approval; the other steps are completed afterwards.</summary>
    public bool Emergency { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime SubmittedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public List<ReviewDecisionRecord> Decisions { get; set; } = [];
    public List<SecrecyFindingRecord> Findings { get; set; } = [];
}

public enum ReviewDecision
{
    Approved,
    Returned,
}

/// <summary>A reviewer's decision on one step, with the opinion (审核意见).</summary>
public sealed class ReviewDecisionRecord
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public int StepIndex { get; set; }
    public required string StepName { get; set; }
    public ReviewDecision Decision { get; set; }
    public required string UserName { get; set; }
    public string? Opinion { get; set; }
    public DateTime DecidedUtc { get; set; }
}

public enum FindingResolution
{
    /// <summary>未处理.</summary>
    Open,
    /// <summary>拟脱敏: the proposed mask will be applied.</summary>
    Mask,
    /// <summary>确认可公开: the officer judged it may go out, with a reason.</summary>
    Overridden,
}

/// <summary>One thing the secrecy scan flagged in a submitted version, and what the 保密审查员 decided about it.</summary>
public sealed class SecrecyFindingRecord
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public required string Kind { get; set; }
    /// <summary>Where: the part and field path (e.g. <c>BodyPart.Markdown</c>) or <c>Attachment:path</c>.</summary>
    public required string FieldPath { get; set; }
    /// <summary>Where, for people: 标题, 正文, 附件：通知.docx.</summary>
    public required string Location { get; set; }
    /// <summary>Position of <see cref="Match"/> in the scanned text, used to apply the mask.</summary>
    public int Index { get; set; }
    public int Length { get; set; }
    public required string Match { get; set; }
    public required string ProposedMask { get; set; }
    public required string Description { get; set; }
    public FindingResolution Resolution { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A word the office does not want published (敏感词), scanned for with the built-in patterns.</summary>
public sealed class SecrecyKeywordRecord
{
    public required string Keyword { get; set; }
    public string? AddedBy { get; set; }
    public DateTime AddedUtc { get; set; }
}
