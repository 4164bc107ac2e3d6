using System.Net;
using System.Text;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Core.Time;

namespace Disclosure.Interaction.Interviews;

/// <summary>
/// The interview's own blocks on its ordinary item page (<c>/content/{id}</c>, what 目录, search and channels link
/// to): the time and a link to the interview page before the body, and once there are entries the whole 文字实录
/// after it, so the published item keeps the full record.
/// </summary>
internal sealed class InterviewItemExtension(InterviewStore store) : IItemPageExtension
{
    public string ContentType => InterviewContent.TypeName;

    public IReadOnlySet<string> HandledFields { get; } =
        new HashSet<string> { InterviewContent.DateField, InterviewContent.StartField, InterviewContent.EndField };

    public async Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        if (InterviewContent.Read(context.Item.ContentItemId, context.Data) is not { } interview)
        {
            return [];
        }

        var url = InterviewsController.InterviewPath(interview.Id);
        var phase = interview.PhaseAt(store.UtcNow);
        var link = phase switch
        {
            InterviewPhase.Ended => "查看访谈页面",
            InterviewPhase.Live => "访谈正在进行，进入文字直播",
            _ => "进入访谈页面，向嘉宾提问",
        };
        var blocks = new List<ItemBlock>
        {
            new("访谈时间",
                $"<p>{WebUtility.HtmlEncode(interview.TimeText)}（{InterviewPhases.DisplayName(phase)}）</p>" +
                (context.IsPreview ? string.Empty : $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">{link}</a></p>"),
                ItemBlockPlacement.BeforeBody, "interview-time"),
        };
        var entries = context.IsPreview ? [] : await store.EntriesAsync(interview.Id, cancellationToken: cancellationToken);
        if (entries.Count > 0)
        {
            var html = new StringBuilder("<ol class=\"interview-transcript\">");
            foreach (var entry in entries)
            {
                html.Append("<li><p class=\"entry-speaker\"><strong>")
                    .Append(WebUtility.HtmlEncode(InterviewTranscript.SpeakerLabel(entry)))
                    .Append("</strong> <span class=\"entry-time\">")
                    .Append(WebUtility.HtmlEncode(DateText.Time(entry.PublishedUtc)))
                    .Append("</span></p>")
                    .Append(InterviewText.Paragraphs(entry.Text))
                    .Append("</li>");
            }

            blocks.Add(new ItemBlock(phase == InterviewPhase.Ended ? "文字实录" : "文字直播", html.Append("</ol>").ToString(), ItemBlockPlacement.AfterBody, "interview-record"));
        }

        return blocks;
    }
}
