namespace Disclosure.Interaction.Interviews;

/// <summary><c>/interviews</c>: the interviews under way, those announced and the past ones.</summary>
public sealed record InterviewListPage(IReadOnlyList<InterviewInfo> Live, IReadOnlyList<InterviewInfo> Announced, IReadOnlyList<InterviewInfo> Past);

/// <summary>What the question form holds when it is shown again (what was typed, the problems per field).</summary>
public sealed record QuestionForm(string? Name, string? Contact, string? Text, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly QuestionForm Empty = new(null, null, null, new Dictionary<string, string>());

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The id of the message element of a field, for aria-describedby.</summary>
    public static string ErrorId(string field) => "error-" + field;
}

/// <summary>
/// An interview's page: its 访谈预告 and guests, the 文字直播 (all published entries; the script adds new ones), the
/// approved questions and, until the end, the question form with a fresh captcha.
/// </summary>
public sealed record InterviewPage(
    InterviewInfo Interview,
    InterviewPhase Phase,
    string? AnnouncementHtml,
    string? PictureUrl,
    IReadOnlyList<LiveEntry> Entries,
    IReadOnlyList<InterviewQuestionRecord> Questions,
    QuestionForm Form,
    string? CaptchaId,
    string? CaptchaImage,
    bool Sent,
    bool RefusedAfterEnd,
    int PollSeconds)
{
    public long LastSequence => Entries.Count == 0 ? 0 : Entries[^1].Sequence;

    public bool AcceptsQuestions => Phase != InterviewPhase.Ended;
}
