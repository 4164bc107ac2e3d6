namespace Disclosure.Core.Recipes;

/// <summary>Where a recipe (or a file it imports) is wrong: the file, the JSON path inside it, and what is wrong.</summary>
public sealed record RecipeError(string File, string Path, string Message)
{
    public override string ToString() => $"{File} {Path}：{Message}";
}

/// <summary>Thrown before anything is applied when one or more recipe errors were found.</summary>
public sealed class RecipeException(IReadOnlyList<RecipeError> errors)
    : Exception("配方有误，未应用任何更改：" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}
