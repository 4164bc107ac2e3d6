using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Contents.Items;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;

namespace Disclosure.Interaction.Consultations;

/// <summary>
/// On a consultation's item page (目录, search and channels lead there): the window and its state, the way to the
/// comment form and the public comments, and — once published — the 意见采纳情况, the final document and its 政策解读.
/// </summary>
public sealed class ConsultationItemExtension(ConsultationDirectory directory) : IItemPageExtension
{
    public string ContentType => ConsultationTypes.Consultation;

    public IReadOnlySet<string> HandledFields { get; } = new HashSet<string> { ConsultationTypes.StartField, ConsultationTypes.EndField };

    public async Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        if (ConsultationDirectory.Window(context.Data) is not { } window)
        {
            return [];
        }

        var id = context.Item.ContentItemId;
        var summary = new ConsultationSummary(id, context.Version.Title, window.Start, window.End, context.Version.PublishedUtc, context.Item.DepartmentCode);
        var phase = summary.PhaseOn(context.Today);
        var html = new StringBuilder("<dl>");
        Row(html, "征求意见时间", $"{DateText.Date(window.Start)} 至 {DateText.Date(window.End)}（{ConsultationSummary.PhaseName(phase)}）");
        html.Append("</dl>");
        var action = phase switch
        {
            ConsultationPhase.Open => "在线提交意见",
            ConsultationPhase.Upcoming => "征求意见页面",
            _ => "查看公众意见",
        };
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(ConsultationsController.PagePath(id))).Append("\">").Append(action).Append("</a></p>");

        if (!context.IsPreview && (await directory.FeedbackAsync([id], cancellationToken)).GetValueOrDefault(id) is { } feedback)
        {
            html.Append("<dl>");
            Row(html, "意见采纳情况", null, new ItemLink(feedback.Id, feedback.Title, null));
            await ConsultationLinks.FinalDocumentAsync(html, directory, feedback.FinalDocumentId, cancellationToken);
            html.Append("</dl>");
        }

        var css = phase == ConsultationPhase.Open ? "window-open" : phase == ConsultationPhase.Closed ? "window-closed" : "window-pending";
        return [new ItemBlock("征求意见", html.ToString(), ItemBlockPlacement.BeforeBody, "consultation " + css)];
    }

    internal static void Row(StringBuilder html, string label, string? text, params ItemLink[] links)
    {
        html.Append("<div><dt>").Append(WebUtility.HtmlEncode(label)).Append("</dt><dd>");
        if (text is not null)
        {
            html.Append(WebUtility.HtmlEncode(text));
        }

        if (links.Length == 1)
        {
            Link(html, links[0]);
        }
        else if (links.Length > 1)
        {
            html.Append("<ul>");
            foreach (var link in links)
            {
                html.Append("<li>");
                Link(html, link);
                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</dd></div>");
    }

    private static void Link(StringBuilder html, ItemLink link) =>
        html.Append("<a href=\"").Append(WebUtility.HtmlEncode(ItemUrls.Item(link.Id))).Append("\">").Append(WebUtility.HtmlEncode(link.Title)).Append("</a>");
}

/// <summary>
/// On a 意见采纳情况's item page: the counts in one sentence, the way back to the consultation (and its comments), the
/// final document and the 政策解读 of it.
/// </summary>
public sealed class ConsultationFeedbackItemExtension(ConsultationDirectory directory) : IItemPageExtension
{
    public string ContentType => ConsultationTypes.Feedback;

    public IReadOnlySet<string> HandledFields { get; } = new HashSet<string>
    {
        ConsultationTypes.ConsultationField, ConsultationTypes.FinalDocumentField, ConsultationTypes.ReceivedField,
        ConsultationTypes.AdoptedField, ConsultationTypes.PartlyAdoptedField, ConsultationTypes.NotAdoptedField,
    };

    public async Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        var data = context.Data;
        var html = new StringBuilder();
        html.Append("<p class=\"feedback-counts\">").Append(WebUtility.HtmlEncode(ConsultationLinks.CountsSentence(data))).Append("</p><dl>");
        foreach (var consultationId in ConsultationDirectory.Picked(data.Get(ConsultationTypes.Feedback, ConsultationTypes.ConsultationField)))
        {
            if (await directory.FindAsync(consultationId, cancellationToken) is { } consultation)
            {
                html.Append("<div><dt>征求意见稿</dt><dd><a href=\"").Append(WebUtility.HtmlEncode(ItemUrls.Item(consultation.Id))).Append("\">")
                    .Append(WebUtility.HtmlEncode(consultation.Title)).Append("</a>（征求意见时间 ")
                    .Append(DateText.Date(consultation.Start)).Append(" 至 ").Append(DateText.Date(consultation.End)).Append("，<a href=\"")
                    .Append(WebUtility.HtmlEncode(ConsultationsController.PagePath(consultation.Id))).Append("\">公众意见</a>）</dd></div>");
            }
        }

        await ConsultationLinks.FinalDocumentAsync(html, directory,
            ConsultationDirectory.Picked(data.Get(ConsultationTypes.Feedback, ConsultationTypes.FinalDocumentField)).FirstOrDefault(), cancellationToken);
        html.Append("</dl>");
        return [new ItemBlock("意见采纳情况", html.ToString(), ItemBlockPlacement.BeforeBody, "consultation-feedback")];
    }
}

/// <summary>What both item pages and the consultation page say about the feedback's figures and the final document.</summary>
public static class ConsultationLinks
{
    /// <summary>收到意见 N 条，采纳 N 条，部分采纳 N 条，未采纳 N 条 — the parts the feedback gives.</summary>
    public static string CountsSentence(ContentData data)
    {
        var parts = new List<string>();
        foreach (var (field, label) in new[]
                 {
                     (ConsultationTypes.ReceivedField, "共收到意见"), (ConsultationTypes.AdoptedField, "采纳"),
                     (ConsultationTypes.PartlyAdoptedField, "部分采纳"), (ConsultationTypes.NotAdoptedField, "未采纳"),
                 })
        {
            if (Number(data.Get(ConsultationTypes.Feedback, field)) is { } n)
            {
                parts.Add($"{label} {n.ToString(CultureInfo.InvariantCulture)} 条");
            }
        }

        return parts.Count == 0 ? string.Empty : string.Join("，", parts) + "。";
    }

    /// <summary>Appends the 正式文件 and 政策解读 rows when the document is published.</summary>
    public static async Task FinalDocumentAsync(StringBuilder html, ConsultationDirectory directory, string? documentId, CancellationToken cancellationToken)
    {
        if (await directory.PublishedLinkAsync(documentId, cancellationToken) is not { } document)
        {
            return;
        }

        ConsultationItemExtension.Row(html, "正式文件", null, document);
        var interpretations = await directory.InterpretationsOfAsync(document.Id, cancellationToken);
        if (interpretations.Count > 0)
        {
            ConsultationItemExtension.Row(html, "政策解读", null, [.. interpretations]);
        }
    }

    private static long? Number(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? (long)d : null;
}
