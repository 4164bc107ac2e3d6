using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Disclosure.GraphQL.Options;

/// <summary>
/// Checks <c>GraphQL</c> at start-up (ValidateOnStart): a mistyped hash, a missing folder or an allow-list switched on
/// with nothing on it stops the site with a message naming the setting, rather than refusing every query later.
/// </summary>
public sealed partial class GraphQLOptionsValidation(IHostEnvironment environment) : IValidateOptions<GraphQLOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLOptions options)
    {
        var errors = new List<string>();
        if (options.MaxDepth is < 2 or > 100)
        {
            errors.Add($"GraphQL:MaxDepth 应在 2 到 100 之间（当前 {options.MaxDepth}）。");
        }

        if (options.MaxComplexity < 10)
        {
            errors.Add($"GraphQL:MaxComplexity 不能小于 10（当前 {options.MaxComplexity}）。");
        }

        if (options.MaxRequestBytes is < 1_000 or > 10_000_000)
        {
            errors.Add($"GraphQL:MaxRequestBytes 应在 1000 到 10000000 之间（当前 {options.MaxRequestBytes}）。");
        }

        foreach (var (queryName, hash) in options.AllowedQueries)
        {
            if (!Sha256Hex().IsMatch(hash ?? string.Empty))
            {
                errors.Add($"GraphQL:AllowedQueries:{queryName} 应为 64 位十六进制的 SHA-256 值。");
            }
        }

        var folderQueries = 0;
        if (!string.IsNullOrWhiteSpace(options.AllowedQueriesFolder))
        {
            var folder = ResolveFolder(environment, options.AllowedQueriesFolder);
            if (!Directory.Exists(folder))
            {
                errors.Add($"GraphQL:AllowedQueriesFolder 指定的文件夹“{folder}”不存在。");
            }
            else
            {
                folderQueries = Directory.EnumerateFiles(folder, "*.graphql").Count();
            }
        }

        if (options.OnlyAllowedQueries && options.AllowedQueries.Count == 0 && folderQueries == 0)
        {
            errors.Add("GraphQL:OnlyAllowedQueries 已开启，但 GraphQL:AllowedQueries 和 GraphQL:AllowedQueriesFolder 中没有任何查询：所有查询都会被拒绝。");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static string ResolveFolder(IHostEnvironment environment, string folder) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder));

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
