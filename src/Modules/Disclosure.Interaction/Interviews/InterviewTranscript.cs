namespace Disclosure.Interaction.Interviews;

/// <summary>How an entry names who speaks, the same on the page, in <c>live.json</c> and in the item's 文字实录.</summary>
public static class InterviewTranscript
{
    public static string SpeakerLabel(LiveEntry entry) => entry.Kind switch
    {
        InterviewEntryKind.Question => "网友" + (string.IsNullOrWhiteSpace(entry.Speaker) ? string.Empty : $"“{entry.Speaker}”") + "提问",
        InterviewEntryKind.Guest => "嘉宾" + (string.IsNullOrWhiteSpace(entry.Speaker) ? string.Empty : " " + entry.Speaker),
        _ => string.IsNullOrWhiteSpace(entry.Speaker) ? "主持人" : entry.Speaker!.StartsWith("主持人", StringComparison.Ordinal) ? entry.Speaker : "主持人 " + entry.Speaker,
    };
}

/// <summary>The zh-CN names of <see cref="InterviewPhase"/>.</summary>
public static class InterviewPhases
{
    public static string DisplayName(InterviewPhase phase) => phase switch
    {
        InterviewPhase.Announced => "访谈预告",
        InterviewPhase.Live => "正在直播",
        InterviewPhase.Ended => "已结束",
        _ => phase.ToString(),
    };
}
