using System.Globalization;
using System.Runtime.CompilerServices;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Interaction.Submissions;
using Disclosure.Media.Tables;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// The raw answers for the office as XLSX through the project's one table export: one row per response, one column
/// per question (a multiple choice's options joined with “；”), free text as written with its moderation state. The
/// answers are read in response order, streaming, so a large survey does not sit in memory.
/// </summary>
public sealed class SurveyExport(DisclosureDbContext db)
{
    public static IReadOnlyList<string> Headers(SurveyDefinition definition) =>
        ["答卷编号", "提交时间（北京时间）", .. definition.Questions.SelectMany(q => q.Kind == QuestionKind.FreeText
            ? new[] { $"{q.Order}. {q.Text}", $"{q.Order}. 审核状态" }
            : [$"{q.Order}. {q.Text}"])];

    /// <summary>Writes the file to <paramref name="output"/> (seekable) and returns how many responses it holds.</summary>
    public async Task<int> WriteAsync(Stream output, SurveyDefinition definition, CancellationToken cancellationToken = default)
    {
        var counter = new int[1];
        await TableExport.WriteAsync(output, TableFormat.Xlsx, "答卷", Headers(definition), RowsAsync(definition, counter, cancellationToken), cancellationToken);
        return counter[0];
    }

    private async IAsyncEnumerable<string?[]> RowsAsync(SurveyDefinition definition, int[] counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var columns = new Dictionary<long, int>();
        var next = 2;
        foreach (var question in definition.Questions)
        {
            columns[question.Id] = next;
            next += question.Kind == QuestionKind.FreeText ? 2 : 1;
        }

        var width = next;
        var surveyId = definition.Survey.Id;
        var rows = from a in db.Set<SurveyAnswerRecord>().AsNoTracking()
                   join r in db.Set<SurveyResponseRecord>() on a.ResponseId equals r.Id
                   join o in db.Set<SurveyOptionRecord>() on a.OptionId equals o.Id into chosen
                   from o in chosen.DefaultIfEmpty()
                   where a.SurveyId == surveyId
                   orderby a.ResponseId, a.Id
                   select new { a.ResponseId, r.SubmittedUtc, a.QuestionId, Option = o == null ? null : o.Text, a.ScaleValue, a.Text, a.Moderation };
        string?[]? row = null;
        long current = 0;
        await foreach (var answer in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row is null || answer.ResponseId != current)
            {
                if (row is not null)
                {
                    counter[0]++;
                    yield return row;
                }

                current = answer.ResponseId;
                row = new string?[width];
                row[0] = answer.ResponseId.ToString(CultureInfo.InvariantCulture);
                row[1] = DateText.Time(answer.SubmittedUtc);
            }

            if (!columns.TryGetValue(answer.QuestionId, out var column))
            {
                continue;
            }

            if (answer.Option is { } option)
            {
                row[column] = row[column] is null ? option : row[column] + "；" + option;
            }
            else if (answer.ScaleValue is { } value)
            {
                row[column] = value.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                row[column] = answer.Text;
                row[column + 1] = answer.Moderation is { } state ? ModerationStates.DisplayName(state) : null;
            }
        }

        if (row is not null)
        {
            counter[0]++;
            yield return row;
        }
    }
}
