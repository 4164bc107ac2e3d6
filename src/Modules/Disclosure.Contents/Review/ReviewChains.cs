using System.Text.Json;
using Disclosure.Contents.Review.Models;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;

namespace Disclosure.Contents.Review;

/// <summary>Reads and writes the chain snapshot a review keeps, so a later recipe change never alters a review in flight.</summary>
public static class ReviewChains
{
    public static string Serialize(ReviewChainDefinition chain) => JsonSerializer.Serialize(chain, ContentDefinitionStore.JsonOptions);

    public static ReviewChainDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<ReviewChainDefinition>(json, ContentDefinitionStore.JsonOptions)
        ?? throw new InvalidOperationException("Empty review chain definition.");

    public static ReviewChainDefinition Chain(this ReviewRecord review) => Deserialize(review.ChainJson);
}
