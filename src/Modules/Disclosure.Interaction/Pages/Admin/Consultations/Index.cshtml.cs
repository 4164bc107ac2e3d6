using Disclosure.Interaction.Consultations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Consultations;

/// <summary>征求意见: every published consultation with its window and its comments counted by state in the database.</summary>
[Authorize(Policy = InteractionModule.ConsultationsPolicy)]
public sealed class ConsultationsIndexModel(ConsultationDirectory directory, ConsultationComments comments) : PageModel
{
    public IReadOnlyList<ConsultationSummary> Consultations { get; private set; } = [];

    public IReadOnlyDictionary<string, CommentCounts> Counts { get; private set; } = new Dictionary<string, CommentCounts>();

    public IReadOnlyDictionary<string, FeedbackLink> Feedback { get; private set; } = new Dictionary<string, FeedbackLink>();

    public DateOnly Today => directory.Today;

    public static string DetailsUrl(string id) => "/admin/consultations/" + Uri.EscapeDataString(id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Consultations = await directory.ListAsync(cancellationToken);
        var ids = Consultations.Select(c => c.Id).ToList();
        Counts = await comments.CountsAsync(ids, cancellationToken);
        Feedback = await directory.FeedbackAsync(ids, cancellationToken);
    }
}
