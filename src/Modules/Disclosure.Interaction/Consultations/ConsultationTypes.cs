namespace Disclosure.Interaction.Consultations;

/// <summary>
/// The two content types of 征求意见 (declared in recipes/setup.json): the consultation itself — the draft decision in
/// the body, its 起草说明, the window and how to respond — and the 意见采纳情况 published after the window. Both go
/// through the normal review chain; the feedback names its consultation and, later, the final document.
/// </summary>
public static class ConsultationTypes
{
    /// <summary>征求意见: the draft decision.</summary>
    public const string Consultation = "Consultation";

    public const string StartField = "StartDate";
    public const string EndField = "EndDate";
    public const string NotesField = "DraftingNotes";
    public const string HowToRespondField = "HowToRespond";

    /// <summary>意见采纳情况: what came in and what was done with it.</summary>
    public const string Feedback = "ConsultationFeedback";

    /// <summary>The feedback's picker of the consultation it answers (required).</summary>
    public const string ConsultationField = "Consultation";

    /// <summary>The feedback's picker of the document finally issued (a 规范性文件 or 部门文件), once there is one.</summary>
    public const string FinalDocumentField = "FinalDocument";

    public const string ReceivedField = "ReceivedCount";
    public const string AdoptedField = "AdoptedCount";
    public const string PartlyAdoptedField = "PartlyAdoptedCount";
    public const string NotAdoptedField = "NotAdoptedCount";
    public const string ThemesField = "Themes";
}
