using Disclosure.Contents.Items;

namespace Disclosure.Interaction.Consultations;

/// <summary>/consultations: every published consultation by where its window stands, with its feedback once published.</summary>
public sealed record ConsultationListPage(
    IReadOnlyList<ConsultationListRow> Open,
    IReadOnlyList<ConsultationListRow> Upcoming,
    IReadOnlyList<ConsultationListRow> Closed);

public sealed record ConsultationListRow(ConsultationSummary Consultation, int ApprovedComments, FeedbackLink? Feedback);

/// <summary>
/// A consultation's page: the published item (draft decision, 起草说明, how to respond, attachments), the approved
/// comments, the feedback with the final document and its 政策解读, and the comment form while the window is open.
/// </summary>
public sealed record ConsultationPage(
    ConsultationSummary Consultation,
    ConsultationPhase Phase,
    ItemPage Item,
    IReadOnlyList<PublicComment> Comments,
    FeedbackLink? Feedback,
    ItemLink? FinalDocument,
    IReadOnlyList<ItemLink> Interpretations,
    CommentForm? Form,
    bool Submitted,
    bool RefusedOutsideWindow);

/// <summary>The comment form: what was typed, the problem per field, a fresh captcha.</summary>
public sealed record CommentForm(
    ConsultationCommentInput Input,
    IReadOnlyDictionary<string, string> Errors,
    string CaptchaId,
    string CaptchaImage)
{
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The id of the message element of a field, for aria-describedby.</summary>
    public static string ErrorId(string field) => "error-" + field;
}
