using System.Security.Cryptography;
using System.Text;
using Disclosure.GraphQL.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Disclosure.GraphQL.Execution;

/// <summary>
/// The persisted-query allow-list: queries known by the SHA-256 of their exact UTF-8 text (lower-case hex, as Apollo's
/// persisted queries hash them). Those of <c>GraphQL:AllowedQueriesFolder</c> are known by text too, so a client may
/// send only their hash; those of <c>GraphQL:AllowedQueries</c> are a hash and a name, and the client sends the text.
/// </summary>
public sealed class AllowedQueryList
{
    private readonly Dictionary<string, AllowedQuery> _byHash = new(StringComparer.OrdinalIgnoreCase);

    public AllowedQueryList(IOptions<GraphQLOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        OnlyAllowed = settings.OnlyAllowedQueries;
        foreach (var (name, hash) in settings.AllowedQueries)
        {
            _byHash[hash] = new AllowedQuery(name, hash.ToLowerInvariant(), null);
        }

        if (!string.IsNullOrWhiteSpace(settings.AllowedQueriesFolder))
        {
            var folder = GraphQLOptionsValidation.ResolveFolder(environment, settings.AllowedQueriesFolder);
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.graphql") : [])
            {
                var text = File.ReadAllText(file);
                var hash = Hash(text);
                _byHash[hash] = new AllowedQuery(Path.GetFileNameWithoutExtension(file), hash, text);
            }
        }
    }

    /// <summary>Whether a query off the list is refused (<c>GraphQL:OnlyAllowedQueries</c>).</summary>
    public bool OnlyAllowed { get; }

    public IReadOnlyCollection<AllowedQuery> Queries => _byHash.Values;

    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public AllowedQuery? Find(string hash) => _byHash.GetValueOrDefault(hash);

    public bool IsAllowed(string query) => _byHash.ContainsKey(Hash(query));
}

/// <param name="Text">The query itself when it came from the folder; null when only its hash is configured.</param>
public sealed record AllowedQuery(string Name, string Hash, string? Text);
