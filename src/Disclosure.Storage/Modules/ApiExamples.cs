using Microsoft.AspNetCore.Builder;

namespace Disclosure.Storage.Modules;

/// <summary>
/// An example a module gives for one of its API operations: the request body (<see cref="StatusCode"/> null) or the
/// answer with that status. The host writes it into the OpenAPI document (and so into the reference at
/// <c>/api/docs</c>) with the API's own JSON options, so an example is the real response record, filled in, and
/// cannot drift from the schema.
/// </summary>
public sealed record ApiExampleMetadata(int? StatusCode, object Value);

/// <summary>How a module attaches examples to an endpoint: <c>.WithRequestExample(…).WithResponseExample(200, …)</c>.</summary>
public static class ApiExampleEndpointExtensions
{
    /// <summary>An example of the request body.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExampleMetadata(null, example));

    /// <summary>An example of the answer with <paramref name="statusCode"/> (a problem details object for an error status).</summary>
    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int statusCode, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExampleMetadata(statusCode, example));
}
