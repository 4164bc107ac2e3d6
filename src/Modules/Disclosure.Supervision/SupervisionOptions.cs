namespace Disclosure.Supervision;

/// <summary><c>Supervision:*</c> — how the board judges.</summary>
public sealed class SupervisionOptions
{
    public const string SectionName = "Supervision";

    /// <summary>A running item with this many working days left, or fewer, is 临近期限 on the board.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>A 目录 class is flagged 即将超期未更新 this many days before its rule makes it stale.</summary>
    public int FreshnessWarningDays { get; set; } = 3;
}
