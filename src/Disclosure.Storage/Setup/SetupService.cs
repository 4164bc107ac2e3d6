using Disclosure.Core.Recipes;
using Disclosure.Storage.Modules;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Setup;

/// <summary>Brings a database up to date and, on first start, applies the setup recipe (and optionally the demo).</summary>
public sealed class SetupService(DisclosureDbContext db, RecipeExecutor executor, IEnumerable<IDisclosureModule> modules, StorageOptions storage)
{
    public const string SetupRecipeName = "setup";

    /// <summary>Whether the setup recipe has already been applied to this database.</summary>
    public Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default) =>
        db.RecipeExecutions.AnyAsync(r => r.RecipeName == SetupRecipeName, cancellationToken);

    /// <summary>
    /// Migrates (refusing a data-losing migration unless <see cref="StorageOptions.AllowDataLossMigrations"/>), then applies the given recipe files if setup has not run yet. All recipe files are read and
    /// checked before anything is written. Returns true when recipes were applied.
    /// </summary>
    public async Task<bool> RunAsync(IReadOnlyList<string> recipeFiles, CancellationToken cancellationToken = default)
    {
        await db.MigrateAsync(storage.AllowDataLossMigrations, cancellationToken);
        if (await IsSetUpAsync(cancellationToken))
        {
            return false;
        }

        var moduleSteps = modules.SelectMany(m => m.RecipeSteps).ToList();
        var recipes = recipeFiles.Select(file => RecipeReader.ReadFile(file, moduleSteps)).ToList();
        await executor.ApplyAsync(recipes, cancellationToken);
        return true;
    }
}
