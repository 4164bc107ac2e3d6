using Disclosure.Core.Recipes;

namespace Disclosure.Storage.Setup;

/// <summary>
/// Applies a module's recipe step (read by its <see cref="IRecipeStepReader"/>) inside the recipe's transaction; the
/// <see cref="RecipeExecutor"/> saves after each step. Applying the same step again must change nothing.
/// </summary>
public interface IRecipeStepHandler
{
    /// <summary>The <see cref="RecipeStep"/> type this handler applies.</summary>
    Type StepType { get; }

    Task ApplyAsync(RecipeStep step, CancellationToken cancellationToken);

    /// <summary>
    /// References from this step into other steps (of any recipe being applied, the kernel's included) that can be
    /// checked before the database is touched, e.g. a role a review chain names.
    /// </summary>
    IEnumerable<RecipeError> CheckReferences(IReadOnlyList<Recipe> recipes) => [];
}

/// <summary>The usual shape of an <see cref="IRecipeStepHandler"/>: one step type, applied typed.</summary>
public abstract class RecipeStepHandler<TStep> : IRecipeStepHandler where TStep : RecipeStep
{
    public Type StepType => typeof(TStep);

    public Task ApplyAsync(RecipeStep step, CancellationToken cancellationToken) => ApplyAsync((TStep)step, cancellationToken);

    /// <inheritdoc />
    public virtual IEnumerable<RecipeError> CheckReferences(IReadOnlyList<Recipe> recipes) => [];

    protected abstract Task ApplyAsync(TStep step, CancellationToken cancellationToken);
}
