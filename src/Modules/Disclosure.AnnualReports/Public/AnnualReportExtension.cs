using System.Net;
using System.Text;
using Disclosure.Contents.Items;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Public;

/// <summary>
/// 政府信息公开工作年度报告: the report's HTML (sections 一 to 六 with the three tables) is the page's text, not a
/// field in the detail list; below it, the agency's reports on other years, newest first, so every year stays one
/// click away.
/// </summary>
public sealed class AnnualReportExtension(PublicReadDatabase reads) : IItemPageExtension
{
    public const string TypeName = "AnnualReport";

    public string ContentType => TypeName;

    public IReadOnlySet<string> HandledFields { get; } = new HashSet<string> { "ReportYear", "Report" };

    public async Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        var blocks = new List<ItemBlock>
        {
            // Sanitised again on output, like every HTML field, whatever was stored.
            new(null, MarkdownRenderer.SanitizeHtml(context.Data.GetString(TypeName, "Report")), ItemBlockPlacement.AfterBody, "annual-report"),
        };

        var agency = context.Data.Agency;
        var others = await reads.ReadAsync(
            db => db.ContentVersions.AsNoTracking()
                .Where(v => v.Status == ContentStatus.Published && v.ContentType == TypeName && v.AgencyCode == agency && v.ItemId != context.Item.Id)
                .OrderByDescending(v => v.WrittenDate).ThenByDescending(v => v.PublishedUtc)
                .Select(v => new { v.Item.ContentItemId, v.Title })
                .Take(50)
                .ToListAsync(cancellationToken),
            cancellationToken);
        if (others.Count > 0)
        {
            var html = new StringBuilder("<ul class=\"links\">");
            foreach (var other in others)
            {
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(ItemUrls.Item(other.ContentItemId))).Append("\">")
                    .Append(WebUtility.HtmlEncode(other.Title)).Append("</a></li>");
            }

            blocks.Add(new ItemBlock("往年年度报告", html.Append("</ul>").ToString(), ItemBlockPlacement.AfterBody, "annual-report-years"));
        }

        return blocks;
    }
}
