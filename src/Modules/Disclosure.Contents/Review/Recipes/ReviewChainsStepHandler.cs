using Disclosure.Contents.Review.Models;
using Disclosure.Core.Recipes;
using Disclosure.Storage;
using Disclosure.Storage.Setup;

namespace Disclosure.Contents.Review.Recipes;

/// <summary>Applies a <see cref="ReviewChainsStep"/>: each chain upserted by name, its definition kept as JSON.</summary>
internal sealed class ReviewChainsStepHandler(DisclosureDbContext db) : RecipeStepHandler<ReviewChainsStep>
{
    /// <summary>A chain's roles must be roles the recipes define; a content type's <c>reviewChain</c> must be a chain they define.</summary>
    public override IEnumerable<RecipeError> CheckReferences(IReadOnlyList<Recipe> recipes)
    {
        var steps = recipes.SelectMany(r => r.Steps.OfType<ReviewChainsStep>().Select(s => (Recipe: r, Step: s))).ToList();
        var chains = steps.SelectMany(s => s.Step.Chains).Select(c => c.Name).ToHashSet();
        var roles = recipes.SelectMany(r => r.Steps).OfType<RolesStep>().SelectMany(s => s.Roles).Select(r => r.Name).ToHashSet();
        foreach (var (recipe, step) in steps)
        {
            for (var c = 0; c < step.Chains.Count; c++)
            {
                var chain = step.Chains[c];
                var named = chain.Steps.Select((s, i) => (Role: s.Role, Path: $"{step.Path}.chains[{c}].steps[{i}].role"))
                    .Append((Role: chain.PublisherRole, Path: $"{step.Path}.chains[{c}].publisherRole"));
                if (chain.EmergencyRole is { } emergency)
                {
                    named = named.Append((Role: emergency, Path: $"{step.Path}.chains[{c}].emergencyRole"));
                }

                foreach (var (role, path) in named.Where(n => roles.Count > 0 && !roles.Contains(n.Role)))
                {
                    yield return new RecipeError(recipe.FilePath, path, $"角色“{role}”不存在。");
                }
            }
        }

        foreach (var recipe in recipes)
        {
            foreach (var step in recipe.Steps.OfType<ContentDefinitionStep>())
            {
                for (var t = 0; t < step.ContentTypes.Count; t++)
                {
                    if (step.ContentTypes[t].ReviewChain is { } chainName && chains.Count > 0 && !chains.Contains(chainName))
                    {
                        yield return new RecipeError(recipe.FilePath, $"{step.Path}.contentTypes[{t}].reviewChain", $"审核流程“{chainName}”不存在。");
                    }
                }
            }
        }
    }

    protected override async Task ApplyAsync(ReviewChainsStep step, CancellationToken cancellationToken)
    {
        foreach (var chain in step.Chains)
        {
            var json = ReviewChains.Serialize(chain);
            var record = await db.Set<ReviewChainRecord>().FindAsync([chain.Name], cancellationToken);
            if (record is null)
            {
                db.Set<ReviewChainRecord>().Add(new ReviewChainRecord { Name = chain.Name, DisplayName = chain.DisplayName, DefinitionJson = json });
            }
            else
            {
                record.DisplayName = chain.DisplayName;
                record.DefinitionJson = json;
            }
        }
    }
}
