using Disclosure.Interaction.Ratings;

namespace Disclosure.Interaction.Mailbox;

/// <summary>/mailbox: the 局长信箱's introduction, its reply limits and the published letters.</summary>
public sealed record MailboxIndexPage(PublicLetterPage Letters, LetterKind? Kind, string? Search, MailboxOptions Settings);

/// <summary>/mailbox/write: the form, what was typed and what is wrong with it.</summary>
public sealed record LetterFormPage(LetterInput Input, IReadOnlyDictionary<string, string> Errors, string CaptchaId, string CaptchaImage, MailboxOptions Settings)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public static string ErrorId(string field) => "error-" + field;
}

/// <summary>The 回执 after a letter is received.</summary>
public sealed record LetterReceiptPage(ReceivedLetter Letter, string Subject, bool MayPublish, int Attachments);

/// <summary>/mailbox/status: the query form, or the letter's status with the rating form once replied.</summary>
public sealed record LetterStatusPage(string? TrackingCode, LetterStatus? Status, bool NotFound, string? Error)
{
    /// <summary>Set when the reply may still be rated: the sealed token the rating form carries.</summary>
    public string? RatingToken { get; init; }

    public Satisfaction? Rated { get; init; }
}

/// <summary>/mailbox/statistics.</summary>
public sealed record MailboxStatisticsPage(int Year, IReadOnlyList<int> Years, int LastMonth, MailboxYear Letters, SatisfactionYear Satisfaction);
