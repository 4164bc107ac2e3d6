using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Disclosure.Web.Api.V1;

/// <summary>
/// Writes the modules' examples (<see cref="ApiExampleMetadata"/>) into the OpenAPI document: the request body's and each
/// answer's, serialized exactly as the API serializes them, so the reference at <c>/api/docs</c> shows what a call
/// really sends and gets.
/// </summary>
public static class ApiExamples
{
    public static void Describe(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExampleMetadata>().ToList();
            if (examples.Count == 0)
            {
                return Task.CompletedTask;
            }

            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            foreach (var example in examples)
            {
                var content = example.StatusCode is { } status
                    ? operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true ? response.Content : null
                    : operation.RequestBody?.Content;
                // The first declared media type (application/json, or application/problem+json for an error).
                if (content?.Values.FirstOrDefault() is OpenApiMediaType media)
                {
                    media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json);
                }
            }

            return Task.CompletedTask;
        });
    }
}
