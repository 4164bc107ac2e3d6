using System.Text.Json.Nodes;
using Disclosure.Interaction.Consultations;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Interaction.Consultations;

/// <summary>Consultations and their feedback written and published through the content manager, as the review chain would.</summary>
public static class ConsultationTestContent
{
    /// <summary>Creates a consultation with the given window and publishes it unless told not to; returns its 内容 id.</summary>
    public static async Task<string> ConsultationAsync(IServiceProvider services, string id, string start, string end, bool publish = true, string title = "关于某项规定（征求意见稿）")
    {
        var data = SampleContent.Notice(title, "02.03", body: "**第一条**　征求意见稿正文。");
        data.Root[ConsultationTypes.Consultation] = new JsonObject
        {
            [ConsultationTypes.StartField] = start,
            [ConsultationTypes.EndField] = end,
            [ConsultationTypes.NotesField] = "起草说明正文。",
            [ConsultationTypes.HowToRespondField] = "电子邮箱：office@example.gov.cn",
        };
        using var scope = services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(ConsultationTypes.Consultation, data, "editor", "zhzx", id);
        if (publish)
        {
            await content.PublishAsync(id, null, "office", SampleContent.PublishedAt);
        }

        return id;
    }

    /// <summary>Creates and publishes the 意见采纳情况 of a consultation, naming the final document when given.</summary>
    public static async Task<string> FeedbackAsync(IServiceProvider services, string id, string consultationId, string? finalDocumentId = null, bool publish = true)
    {
        var data = SampleContent.Notice("关于某项规定征求意见采纳情况的说明", "02.03", body: "采纳情况正文。");
        var fields = new JsonObject
        {
            [ConsultationTypes.ConsultationField] = new JsonArray(consultationId),
            [ConsultationTypes.ReceivedField] = 7,
            [ConsultationTypes.AdoptedField] = 3,
            [ConsultationTypes.NotAdoptedField] = 4,
        };
        if (finalDocumentId is not null)
        {
            fields[ConsultationTypes.FinalDocumentField] = new JsonArray(finalDocumentId);
        }

        data.Root[ConsultationTypes.Feedback] = fields;
        using var scope = services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(ConsultationTypes.Feedback, data, "editor", "zhzx", id);
        if (publish)
        {
            await content.PublishAsync(id, null, "office", SampleContent.PublishedAt);
        }

        return id;
    }
}
