using Disclosure.Contents.Review.Models;
using Disclosure.Core.Recipes;

namespace Disclosure.Contents.Review.Recipes;

/// <summary>The review chains (审核流程) a content type names in its <c>reviewChain</c>.</summary>
public sealed record ReviewChainsStep(string Path, IReadOnlyList<ReviewChainDefinition> Chains) : RecipeStep(Path);

/// <summary>
/// The <c>ReviewChains</c> step: each chain's steps in order, with the role that decides each one.
/// <code>
/// { "name": "ReviewChains", "chains": [ { "name": "standard", "displayName": "标准流程", "publisherRole": "InformationOffice",
///   "emergencyRole": "Leader", "steps": [ { "name": "first", "displayName": "初审", "role": "FirstReviewer",
///   "sameDepartment": true, "deadlineHours": 48 }, { "name": "secrecy", "displayName": "保密审查", "role": "SecrecyOfficer",
///   "secrecyReview": true } ] } ] }
/// </code>
/// </summary>
public sealed class ReviewChainsStepReader : IRecipeStepReader
{
    public const string ReviewChainsStepName = "ReviewChains";

    public string StepName => ReviewChainsStepName;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors) => ReadReviewChains(step);

    private static ReviewChainsStep ReadReviewChains(JsonCursor step)
    {
        var chains = new List<ReviewChainDefinition>();
        foreach (var node in step.Array("chains", required: true))
        {
            var name = node.String("name", required: true);
            var displayName = node.String("displayName", required: true);
            var steps = new List<ReviewStepDefinition>();
            foreach (var s in node.Array("steps", required: true))
            {
                var stepName = s.String("name", required: true);
                var stepDisplay = s.String("displayName", required: true);
                var role = s.String("role", required: true);
                var deadline = s.Number("deadlineHours") ?? 48;
                if (deadline <= 0 || deadline != decimal.Truncate(deadline))
                {
                    s.Property("deadlineHours")?.Error("deadlineHours 应为正整数。");
                }

                if (stepName is not null && steps.Any(x => x.Name == stepName))
                {
                    s.Property("name")!.Value.Error($"步骤名“{stepName}”重复。");
                }
                else if (stepName is not null && stepDisplay is not null && role is not null)
                {
                    steps.Add(new ReviewStepDefinition
                    {
                        Name = stepName, DisplayName = stepDisplay, Role = role, DeadlineHours = (int)Math.Max(1, deadline),
                        SameDepartment = s.Boolean("sameDepartment"), SecrecyReview = s.Boolean("secrecyReview"),
                    });
                }
            }

            if (name is not null && chains.Any(c => c.Name == name))
            {
                node.Property("name")!.Value.Error($"审核流程“{name}”重复。");
            }
            else if (name is not null && displayName is not null && steps.Count > 0)
            {
                chains.Add(new ReviewChainDefinition
                {
                    Name = name, DisplayName = displayName, Steps = steps,
                    EmergencyRole = node.String("emergencyRole"),
                    PublisherRole = node.String("publisherRole") ?? "InformationOffice",
                });
            }
            else if (name is not null && displayName is not null)
            {
                node.Error("审核流程至少需要一个步骤。");
            }
        }

        return new ReviewChainsStep(step.Path, chains);
    }
}
