namespace Disclosure.Interaction.Interviews;

/// <summary>The office's 在线访谈 pages.</summary>
public static class InterviewAdminUrls
{
    public const string Index = "/admin/interviews";

    public static string Questions(string id) => $"{Index}/{Uri.EscapeDataString(id)}/questions";

    public static string Live(string id) => $"{Index}/{Uri.EscapeDataString(id)}/live";
}
