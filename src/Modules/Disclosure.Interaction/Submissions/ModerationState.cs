namespace Disclosure.Interaction.Submissions;

/// <summary>
/// Where a piece of text the public wrote stands before anyone else may read it: a consultation comment, an interview
/// question, a survey's free-text answer. Nothing is shown until the office has approved it.
/// </summary>
public enum ModerationState
{
    /// <summary>待审核.</summary>
    Pending = 0,

    /// <summary>已通过: may be shown.</summary>
    Approved = 1,

    /// <summary>不予公开: kept for the record, never shown.</summary>
    Rejected = 2,
}

public static class ModerationStates
{
    public static string DisplayName(ModerationState state) => state switch
    {
        ModerationState.Pending => "待审核",
        ModerationState.Approved => "已通过",
        ModerationState.Rejected => "不予公开",
        _ => state.ToString(),
    };
}
