using Disclosure.Admin;
using Disclosure.Contents.Review;
using Disclosure.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Contents.Pages.Admin;

public sealed class IndexModel(ReviewQueue queue) : PageModel
{
    public IReadOnlyList<ReviewTask> Waiting { get; private set; } = [];

    public IReadOnlyList<ItemOverview> Drafts { get; private set; } = [];

    /// <summary>退回: my items a reviewer sent back, with the opinion, until I submit them again.</summary>
    public IReadOnlyList<ReturnedItem> Returned { get; private set; } = [];

    /// <summary>Only for the information office, who publishes.</summary>
    public IReadOnlyList<ItemOverview>? ReadyToPublish { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Waiting = await queue.WaitingForAsync(actor, cancellationToken);
        Returned = await queue.ReturnedToAsync(actor, cancellationToken);
        Drafts = await queue.DraftsOfAsync(actor.UserName, cancellationToken);
        if (actor.IsInRole(RoleNames.InformationOffice))
        {
            ReadyToPublish = await queue.ReadyToPublishAsync(actor, cancellationToken);
        }
    }
}
