using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;

namespace Disclosure.Interaction.Interviews;

/// <summary>A guest of an interview (嘉宾) as the content item lists them.</summary>
public sealed record InterviewGuest(string Name, string? Title)
{
    /// <summary>“张三（县公安局副局长）”: how an entry names its speaker.</summary>
    public string Label => string.IsNullOrWhiteSpace(Title) ? Name : $"{Name}（{Title}）";
}

/// <summary>Where an interview stands by the clock.</summary>
public enum InterviewPhase
{
    /// <summary>访谈预告: not started yet; questions welcome.</summary>
    Announced,

    /// <summary>正在直播: questions welcome, the 文字直播 under way.</summary>
    Live,

    /// <summary>已结束: the transcript; no more questions.</summary>
    Ended,
}

/// <summary>An interview as its content item's published version describes it.</summary>
public sealed record InterviewInfo(
    string Id,
    string Title,
    IReadOnlyList<InterviewGuest> Guests,
    DateTime StartUtc,
    DateTime EndUtc,
    string? Announcement,
    string? PicturePath,
    string? PictureName)
{
    public InterviewPhase PhaseAt(DateTime utc) => utc < StartUtc ? InterviewPhase.Announced : utc < EndUtc ? InterviewPhase.Live : InterviewPhase.Ended;

    /// <summary>“2026-12-22 09:30—11:00” in Beijing time.</summary>
    public string TimeText
    {
        get
        {
            var start = ChinaTime.ToLocal(StartUtc);
            var end = ChinaTime.ToLocal(EndUtc);
            return start.Date == end.Date
                ? $"{DateText.Time(StartUtc)}—{end:HH:mm}"
                : $"{DateText.Time(StartUtc)}—{DateText.Time(EndUtc)}";
        }
    }
}

/// <summary>
/// The <c>Interview</c> content type (在线访谈, declared in recipes/setup.json): 访谈日期, 开始时间 and 结束时间 (Beijing
/// time, half-hour choices so no free text has to be parsed), 嘉宾 as a table of 姓名 and 职务, the 访谈预告 and an
/// optional 访谈图片. The item goes through the review chain like any other; this module reads its published version.
/// </summary>
public static class InterviewContent
{
    public const string TypeName = "Interview";

    public const string DateField = "Date";
    public const string StartField = "StartTime";
    public const string EndField = "EndTime";
    public const string GuestsField = "Guests";
    public const string AnnouncementField = "Announcement";
    public const string PictureField = "Picture";

    /// <summary>Reads an interview from an item's data, or null when its date or times are missing or make no sense.</summary>
    public static InterviewInfo? Read(string id, ContentData data)
    {
        if (data.GetDate(TypeName, DateField) is not { } date
            || !TryTime(data.GetString(TypeName, StartField), out var start)
            || !TryTime(data.GetString(TypeName, EndField), out var end))
        {
            return null;
        }

        var startUtc = Utc(date, start);
        var endUtc = end > start ? Utc(date, end) : Utc(date.AddDays(1), end);
        var picture = data.Get(TypeName, PictureField) switch
        {
            JsonObject o => o,
            JsonArray { Count: > 0 } a => a[0] as JsonObject,
            _ => null,
        };
        return new InterviewInfo(id, data.Title, Guests(data), startUtc, endUtc, data.GetString(TypeName, AnnouncementField),
            picture?["path"]?.GetValue<string>(), picture?["name"]?.GetValue<string>());
    }

    public static IReadOnlyList<InterviewGuest> Guests(ContentData data) =>
        (data.Get(TypeName, GuestsField)?["rows"] as JsonArray ?? [])
            .OfType<JsonArray>()
            .Select(row => (Name: Cell(row, 0), Title: Cell(row, 1)))
            .Where(g => g.Name is not null)
            .Select(g => new InterviewGuest(g.Name!, g.Title))
            .ToList();

    private static string? Cell(JsonArray row, int index) =>
        row.Count > index && row[index] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static DateTime Utc(DateOnly date, TimeOnly time) =>
        DateTime.SpecifyKind(date.ToDateTime(time) - ChinaTime.Offset, DateTimeKind.Utc);
}
