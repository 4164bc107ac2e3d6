using Disclosure.Core.Recipes;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;

namespace Disclosure.Interaction.Recipes;

/// <summary>Letters with how far each got (the demo's fictional letters).</summary>
public sealed record MailboxLettersStep(string Path, IReadOnlyList<RecipeLetter> Letters) : RecipeStep(Path);

/// <summary>
/// A letter of a <see cref="MailboxLettersStep"/>: received on its day, then (each optional, in order) routed to a
/// department, replied on a day, published, rated.
/// </summary>
public sealed record RecipeLetter(NewLetter Letter, DateOnly ReceivedOn, string? Department, string? Reply, DateOnly? RepliedOn, bool Publish, Satisfaction? Rating, string? RatingComment);

/// <summary>
/// The <c>MailboxLetters</c> step:
/// <code>
/// { "name": "MailboxLetters", "letters": [ { "kind": "consultation", "subject": "……", "body": "……", "name": "……",
///   "phone": "13900000000", "mayPublish": true, "receivedOn": "2026-10-09", "department": "hzs",
///   "reply": "……", "repliedOn": "2026-10-13", "publish": true, "rating": "Satisfied", "ratingComment": "……" } ] }
/// </code>
/// A reply needs a department; publication needs a reply and the writer's consent; a rating needs a reply.
/// </summary>
public sealed class MailboxLettersStepReader : IRecipeStepReader
{
    public const string StepNameValue = "MailboxLetters";

    public string StepName => StepNameValue;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var letters = new List<RecipeLetter>();
        foreach (var node in step.Array("letters", required: true))
        {
            var input = new LetterInput
            {
                Kind = node.String("kind", required: true),
                Subject = node.String("subject", required: true),
                Body = node.String("body", required: true),
                Name = node.String("name", required: true),
                Phone = node.String("phone", required: true),
                IdNumber = node.String("idNumber"),
                Email = node.String("email"),
                MayPublish = node.Boolean("mayPublish"),
            };
            var letter = input.Validate(out var problems);
            foreach (var (field, message) in problems)
            {
                node.Error($"{field}：{message}");
            }

            var receivedOn = Date(node, "receivedOn", required: true);
            var department = node.String("department");
            var reply = node.String("reply");
            var repliedOn = Date(node, "repliedOn");
            var publish = node.Boolean("publish");
            var ratingText = node.String("rating");
            Satisfaction? rating = null;
            if (ratingText is not null)
            {
                rating = Enum.TryParse<Satisfaction>(ratingText, ignoreCase: true, out var parsed) && SatisfactionNames.All.Contains(parsed) ? parsed : null;
                if (rating is null)
                {
                    node.Property("rating")!.Value.Error("评价应为 Satisfied、BasicallySatisfied 或 Dissatisfied。");
                }
            }

            if ((reply is null) != (repliedOn is null) || reply is not null && department is null)
            {
                node.Error("答复（reply）和答复日期（repliedOn）须同时填写，且须有承办部门（department）。");
            }

            if (repliedOn < receivedOn)
            {
                node.Property("repliedOn")!.Value.Error("答复日期不能早于收信日期。");
            }

            if (publish && (reply is null || letter is { MayPublish: false }))
            {
                node.Property("publish")!.Value.Error("只有已答复、来信人同意公开的来信（举报除外）才能公开。");
            }

            if (rating is not null && reply is null)
            {
                node.Property("rating")!.Value.Error("答复后才能评价。");
            }

            if (letter is not null && receivedOn is { } on)
            {
                letters.Add(new RecipeLetter(letter, on, department, reply, repliedOn, publish, rating, node.String("ratingComment")));
            }
        }

        return new MailboxLettersStep(step.Path, letters);
    }

    private static DateOnly? Date(JsonCursor node, string property, bool required = false)
    {
        var text = node.String(property, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return date;
        }

        node.Property(property)!.Value.Error($"“{text}”不是日期（yyyy-MM-dd）。");
        return null;
    }
}
