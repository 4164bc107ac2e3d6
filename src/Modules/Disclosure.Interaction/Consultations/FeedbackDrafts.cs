using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Consultations;

/// <summary>
/// Starts the 意见采纳情况 of a consultation as a draft content item, pre-filled with what the database knows: the
/// consultation picked, the number of comments received and how many were made public, the consultation's 目录
/// metadata. The office then writes the themes, what was adopted and why not, and sends it through the review chain
/// like any other item.
/// </summary>
public sealed class FeedbackDrafts(DisclosureDbContext db, ContentManager content, ConsultationComments comments, ConsultationDirectory directory, LedgerWriter ledger)
{
    /// <summary>The new draft's 内容 id, or null when the consultation is not published.</summary>
    public async Task<string?> StartAsync(string consultationId, string actor, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(consultationId, cancellationToken) is not { } consultation)
        {
            return null;
        }

        var published = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == ContentStatus.Published && v.Item.ContentItemId == consultationId)
            .Select(v => v.DataJson)
            .SingleAsync(cancellationToken);
        var counts = (await comments.CountsAsync([consultationId], cancellationToken)).GetValueOrDefault(consultationId, CommentCounts.None);
        var metadata = (ContentData.Parse(published).Root[DisclosureMetadataPart.PartName] as JsonObject)?.DeepClone() as JsonObject ?? [];
        metadata.Remove(DisclosureMetadataPart.DocumentNumber);
        metadata[DisclosureMetadataPart.WrittenDate] = directory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        metadata[DisclosureMetadataPart.Keywords] = "征求意见 意见采纳情况";
        metadata[DisclosureMetadataPart.Summary] = $"《{consultation.Title}》征求意见期间共收到意见 {counts.Total} 条，现将意见采纳情况公布如下。";

        var total = counts.Total.ToString(CultureInfo.InvariantCulture);
        var data = new ContentData(new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = $"关于《{consultation.Title}》征求意见采纳情况的说明" },
            [DisclosureMetadataPart.PartName] = metadata,
            ["BodyPart"] = new JsonObject
            {
                ["Markdown"] =
                    $"{DateText.Chinese(consultation.Start)}至{DateText.Chinese(consultation.End)}，我局就《{consultation.Title}》公开征求社会公众意见，" +
                    $"共收到意见 {total} 条（网上提交，其中经审核公开 {counts.Approved} 条）。现将意见采纳情况说明如下。\n\n" +
                    "## 一、意见主要内容\n\n（按主题归纳。）\n\n## 二、采纳情况\n\n（已采纳的意见及修改内容。）\n\n## 三、未采纳意见及理由\n\n（逐项说明。）\n",
            },
            [ConsultationTypes.Feedback] = new JsonObject
            {
                [ConsultationTypes.ConsultationField] = new JsonArray(consultationId),
                [ConsultationTypes.ReceivedField] = counts.Total,
                [ConsultationTypes.AdoptedField] = 0,
                [ConsultationTypes.PartlyAdoptedField] = 0,
                [ConsultationTypes.NotAdoptedField] = 0,
            },
        });
        var id = ContentItemIds.New();
        return await db.InTransactionAsync(async () =>
        {
            await content.CreateAsync(ConsultationTypes.Feedback, data, actor, consultation.DepartmentCode, id, cancellationToken: cancellationToken);
            await ledger.AppendAsync(actor, ConsultationLedgerActions.FeedbackStarted, ConsultationLedgerActions.Subject(consultationId), null, null,
                $"意见采纳情况草稿 {id}，收到意见 {total} 条", cancellationToken);
            return id;
        }, cancellationToken);
    }
}
