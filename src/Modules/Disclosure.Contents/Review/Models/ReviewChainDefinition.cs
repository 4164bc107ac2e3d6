namespace Disclosure.Contents.Review.Models;

/// <summary>
/// A review chain (审核流程) as declared in a recipe: the steps a version passes before publication, in order
/// (seed 003, 五: 信息收集上报 → 初审 → 保密审查 → 主要领导审批 → 发布).
/// </summary>
public sealed record ReviewChainDefinition
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required IReadOnlyList<ReviewStepDefinition> Steps { get; init; }

    /// <summary>The role that may publish an incident statement at once (紧急发布); null disables the emergency path.</summary>
    public string? EmergencyRole { get; init; }

    /// <summary>The role that publishes, schedules and withdraws approved versions (公开办).</summary>
    public string PublisherRole { get; init; } = "InformationOffice";
}

/// <summary>One step of a chain: who may decide it.</summary>
public sealed record ReviewStepDefinition
{
    public required string Name { get; init; }

    /// <summary>zh-CN, e.g. 初审, 保密审查, 领导审批.</summary>
    public required string DisplayName { get; init; }

    public required string Role { get; init; }

    /// <summary>Only a holder of the role in the item's own department may decide (a department head's 初审).</summary>
    public bool SameDepartment { get; init; }

    /// <summary>The 保密审查 step: every scan finding must be masked or overridden before approval.</summary>
    public bool SecrecyReview { get; init; }

    /// <summary>How long the step may take before it shows as overdue on the dashboard.</summary>
    public int DeadlineHours { get; init; } = 48;
}
