using System.Globalization;
using Disclosure.Core.Recipes;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Interviews;

/// <summary>A question of an <see cref="InterviewRecordsStep"/>; <see cref="Key"/> lets an entry quote it.</summary>
public sealed record RecipeInterviewQuestion(string? Key, string? Name, string Text, DateTimeOffset SubmittedAt, ModerationState State);

/// <summary>An entry of an <see cref="InterviewRecordsStep"/>, published at <see cref="At"/>.</summary>
public sealed record RecipeInterviewEntry(InterviewEntryKind Kind, string? Speaker, string? QuestionKey, string? Text, DateTimeOffset At);

/// <summary>The questions and 文字直播 of one interview (its content item comes from the <c>Content</c> step).</summary>
public sealed record RecipeInterview(string Id, IReadOnlyList<RecipeInterviewQuestion> Questions, IReadOnlyList<RecipeInterviewEntry> Entries);

/// <summary>The demo's interview records.</summary>
public sealed record InterviewRecordsStep(string Path, IReadOnlyList<RecipeInterview> Interviews) : RecipeStep(Path);

/// <summary>
/// The <c>InterviewRecords</c> step: the questions and 文字直播 of interviews whose content items another step adds.
/// <code>
/// { "name": "InterviewRecords", "interviews": [ { "id": "interview-2026-10",
///   "questions": [ { "key": "q1", "name": "永宁网友", "text": "……", "submittedAt": "2026-10-27T20:15:00+08:00", "state": "approved" } ],
///   "entries": [ { "kind": "host", "speaker": "主持人 李岩", "text": "……", "at": "2026-10-29T09:30:00+08:00" },
///                { "kind": "question", "question": "q1", "at": "…" }, { "kind": "guest", "speaker": "……", "text": "……", "at": "…" } ] } ] }
/// </code>
/// state: pending, approved or rejected; kind: host, guest or question (quoting an approved question by key).
/// </summary>
public sealed class InterviewRecordsStepReader : IRecipeStepReader
{
    public const string StepNameValue = "InterviewRecords";

    public string StepName => StepNameValue;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var interviews = new List<RecipeInterview>();
        foreach (var node in step.Array("interviews", required: true))
        {
            var id = node.String("id", required: true);
            var questions = new List<RecipeInterviewQuestion>();
            foreach (var q in node.Array("questions"))
            {
                var text = q.String("text", required: true);
                var at = Time(q, "submittedAt");
                var state = q.String("state") switch
                {
                    null or "pending" => ModerationState.Pending,
                    "approved" => ModerationState.Approved,
                    "rejected" => ModerationState.Rejected,
                    var other => Bad<ModerationState>(q, $"审核状态“{other}”无效（pending、approved、rejected）。"),
                };
                if (text is not null && at is not null)
                {
                    questions.Add(new RecipeInterviewQuestion(q.String("key"), q.String("name"), text, at.Value, state));
                }
            }

            var entries = new List<RecipeInterviewEntry>();
            foreach (var e in node.Array("entries"))
            {
                var kind = e.String("kind", required: true) switch
                {
                    "host" => InterviewEntryKind.Host,
                    "guest" => InterviewEntryKind.Guest,
                    "question" => InterviewEntryKind.Question,
                    var other => Bad<InterviewEntryKind>(e, $"直播条目类别“{other}”无效（host、guest、question）。"),
                };
                var key = e.String("question");
                if (kind == InterviewEntryKind.Question && questions.All(q => q.Key != key || q.State != ModerationState.Approved))
                {
                    e.Error($"网友提问条目须引用本访谈一条已审核通过的提问（question：“{key}”）。");
                }

                var text = e.String("text", required: kind != InterviewEntryKind.Question);
                if (Time(e, "at") is { } at)
                {
                    entries.Add(new RecipeInterviewEntry(kind, e.String("speaker"), key, text, at));
                }
            }

            if (id is not null)
            {
                interviews.Add(new RecipeInterview(id, questions, entries));
            }
        }

        return new InterviewRecordsStep(step.Path, interviews);
    }

    private static T Bad<T>(JsonCursor node, string message)
    {
        node.Error(message);
        return default!;
    }

    private static DateTimeOffset? Time(JsonCursor node, string name)
    {
        var text = node.String(name, required: true);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        node.Property(name)!.Value.Error($"“{text}”不是带时区的时间（例如 2026-10-29T09:30:00+08:00）。");
        return null;
    }
}

/// <summary>
/// Applies an <see cref="InterviewRecordsStep"/> straight to the tables (the demo's history, not office actions, so
/// nothing goes to the 台账). An interview that already has questions or entries is left as it is.
/// </summary>
internal sealed class InterviewRecordsStepHandler(DisclosureDbContext db) : RecipeStepHandler<InterviewRecordsStep>
{
    public const string Actor = "setup";

    protected override async Task ApplyAsync(InterviewRecordsStep step, CancellationToken cancellationToken)
    {
        foreach (var interview in step.Interviews)
        {
            if (await db.Set<InterviewQuestionRecord>().AnyAsync(q => q.ContentItemId == interview.Id, cancellationToken)
                || await db.Set<InterviewEntryRecord>().AnyAsync(e => e.ContentItemId == interview.Id, cancellationToken))
            {
                continue;
            }

            var byKey = new Dictionary<string, InterviewQuestionRecord>(StringComparer.Ordinal);
            foreach (var q in interview.Questions)
            {
                var record = new InterviewQuestionRecord
                {
                    ContentItemId = interview.Id,
                    Name = q.Name,
                    Text = q.Text,
                    SubmittedUtc = q.SubmittedAt.UtcDateTime,
                    State = q.State,
                    ModeratedBy = q.State == ModerationState.Pending ? null : Actor,
                    ModeratedUtc = q.State == ModerationState.Pending ? null : q.SubmittedAt.UtcDateTime.AddHours(1),
                };
                db.Set<InterviewQuestionRecord>().Add(record);
                if (q.Key is not null)
                {
                    byKey[q.Key] = record;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var e in interview.Entries)
            {
                var quoted = e.QuestionKey is null ? null : byKey.GetValueOrDefault(e.QuestionKey);
                db.Set<InterviewEntryRecord>().Add(new InterviewEntryRecord
                {
                    ContentItemId = interview.Id,
                    Kind = e.Kind,
                    Speaker = e.Kind == InterviewEntryKind.Question ? quoted?.Name : e.Speaker,
                    QuestionId = e.Kind == InterviewEntryKind.Question ? quoted?.Id : null,
                    Text = e.Text ?? quoted?.Text ?? string.Empty,
                    Sequence = await Counters.NextAsync(db, InterviewLedgerActions.Subject(interview.Id), cancellationToken),
                    PublishedUtc = e.At.UtcDateTime,
                    PostedBy = Actor,
                    PostedUtc = e.At.UtcDateTime,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
