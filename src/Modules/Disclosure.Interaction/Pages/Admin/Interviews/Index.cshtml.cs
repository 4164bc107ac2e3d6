using Disclosure.Interaction.Interviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Interviews;

/// <summary>
/// The published interviews with the questions waiting for moderation; an interview itself is written, reviewed and
/// published as a content item (类型“在线访谈”) in the content editor.
/// </summary>
[Authorize(Policy = InteractionModule.InterviewsPolicy)]
public sealed class InterviewsIndexModel(InterviewStore store) : PageModel
{
    public IReadOnlyList<InterviewInfo> Interviews { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Pending { get; private set; } = new Dictionary<string, int>();

    public DateTime Now => store.UtcNow;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Interviews = await store.ListAsync(cancellationToken);
        Pending = await store.PendingCountsAsync(cancellationToken);
    }
}
