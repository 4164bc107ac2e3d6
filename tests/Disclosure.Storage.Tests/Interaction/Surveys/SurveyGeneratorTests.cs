using Disclosure.DataGenerator;
using Disclosure.Interaction.Submissions;
using Disclosure.Interaction.Surveys;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Interaction.Surveys;

/// <summary>The data generator's 社会评议 answers: as many as asked, in the window, counted and exported like real ones.</summary>
public sealed class SurveyGeneratorTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_generator_answers_one_survey_at_scale_and_a_second_run_adds_to_it(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-12-01"));
        await SurveyFiller.FillAsync(database.Services, 5, 2_500, TextWriter.Null, CancellationToken.None);
        await SurveyFiller.FillAsync(database.Services, 5, 500, TextWriter.Null, CancellationToken.None);

        var survey = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyRecord>().SingleAsync());
        Assert.NotNull(survey.ResultsPublishedUtc);
        var results = (await database.InScopeAsync(sp => sp.GetRequiredService<SurveyResults>().ComputeAsync(survey.Id)))!;
        Assert.Equal(3_000, results.Responses);
        Assert.Equal(3_000, results.Questions[0].Answered);                       // required
        Assert.Equal(3_000, results.Questions[0].Rows.Sum(r => r.Count));          // single choice: one each
        Assert.InRange(results.Questions[3].Answered, 2_300, 2_800);               // optional: about 85%
        Assert.InRange(results.Questions[2].Average!.Value, 3m, 5m);               // leaning to 满意
        Assert.Equal(300, results.Questions[4].TextsPending);
        Assert.Empty(results.Questions[4].Texts);                                  // nothing approved yet

        var submitted = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyResponseRecord>()
            .GroupBy(r => 1).Select(g => new { First = g.Min(r => r.SubmittedUtc), Last = g.Max(r => r.SubmittedUtc) }).SingleAsync());
        Assert.True(submitted.First >= survey.OpensUtc && submitted.Last < survey.ClosesUtc);
        using var file = new MemoryStream();
        var definition = (await database.InScopeAsync(sp => sp.GetRequiredService<SurveyStore>().FindAsync(survey.Id)))!;
        Assert.Equal(3_000, await database.InScopeAsync(sp => sp.GetRequiredService<SurveyExport>().WriteAsync(file, definition)));
        Assert.Equal(ModerationState.Pending, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyAnswerRecord>()
            .Where(a => a.Text != null).Select(a => a.Moderation).Distinct().SingleAsync()));
    }
}
