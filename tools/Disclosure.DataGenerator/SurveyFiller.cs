using Disclosure.Interaction.Submissions;
using Disclosure.Interaction.Surveys;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.DataGenerator;

/// <summary>
/// 社会评议 at scale: one generated questionnaire of every question kind, closed at the end of October 2026 with
/// its results published, and N responses (about one in ten with a free-text answer, awaiting moderation) through the
/// module's own sample writer. A later run with the same seed adds its answers to the same survey.
/// </summary>
public static class SurveyFiller
{
    private static readonly string[] Suggestions =
    [
        "建议网站增加政策文件的检索功能。", "办事指南写得很清楚，感谢。", "希望政策解读多用图表说明。", "窗口等候时间还可以再缩短。",
        "手机页面的表格看起来有些吃力。", "希望公开更多财政资金使用情况。", "在线咨询回复比较及时。", "建议增加周末办理服务。",
    ];

    public static async Task FillAsync(IServiceProvider services, int seed, int responses, TextWriter log, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SurveyStore>();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var title = $"（生成数据）政务公开工作满意度评议（种子 {seed}）";
        var id = await db.Set<SurveyRecord>().Where(s => s.Title == title).Select(s => (long?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            SurveyWindow.TryParse("2026-09-01", closing: false, out var opens, out _);
            SurveyWindow.TryParse("2026-10-31", closing: true, out var closes, out _);
            id = await store.CreateAsync(new SurveyDraft(title, "数据生成器生成的问卷，用于测量统计和导出。", opens, closes,
            [
                new QuestionDraft(QuestionKind.SingleChoice, "您获取政府信息的主要渠道？", true, ["门户网站", "政务新媒体", "政务服务大厅", "新闻媒体", "其他"]),
                new QuestionDraft(QuestionKind.MultipleChoice, "您关注哪些信息？", true, ["政策文件", "办事指南", "执法公开", "财政预决算", "人事信息"]),
                new QuestionDraft(QuestionKind.Scale, "总体满意度", true, []) { ScaleMinLabel = "非常不满意", ScaleMaxLabel = "非常满意" },
                new QuestionDraft(QuestionKind.Scale, "信息是否易于理解（0–10）", false, []) { ScaleMin = 0, ScaleMax = 10, ScaleMinLabel = "很难", ScaleMaxLabel = "很容易" },
                new QuestionDraft(QuestionKind.FreeText, "意见和建议", false, []),
            ]), "generator", cancellationToken);
            var survey = await db.Set<SurveyRecord>().SingleAsync(s => s.Id == id, cancellationToken);
            (survey.PublishedUtc, survey.ResultsPublishedUtc) = (survey.OpensUtc, survey.ClosesUtc);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var definition = (await store.FindAsync(id.Value, cancellationToken))!;
        var random = new Random(seed);
        var texts = Enumerable.Range(0, responses / 10).Select(_ => (5, Suggestions[random.Next(Suggestions.Length)], ModerationState.Pending)).ToList();
        await scope.ServiceProvider.GetRequiredService<SurveySampleAnswers>().AddAsync(definition, responses, seed, texts, cancellationToken);
        log.WriteLine($"社会评议：问卷 {id}（{SurveyPaths.Results(id.Value)}）新增 {responses:N0} 份答卷，用时 {watch.Elapsed.TotalSeconds:N1} 秒。");
    }
}
