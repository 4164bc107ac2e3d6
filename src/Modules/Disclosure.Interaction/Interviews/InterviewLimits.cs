namespace Disclosure.Interaction.Interviews;

/// <summary>The longest values stored (the columns' lengths and the forms' maxlength).</summary>
public static class InterviewLimits
{
    public const int NameLength = 30;
    public const int ContactLength = 100;
    public const int QuestionLength = 1000;
    public const int EntryLength = 5000;
}
