using Scalar.AspNetCore;

namespace Disclosure.Web.Api.V1;

/// <summary>
/// <c>/api/docs</c>: the interactive reference of the OpenAPI document (Scalar, served from the package itself), where a
/// developer reads every endpoint's zh-CN description, gets a token with client credentials and tries a call.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/docs";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, options => options
            .WithTitle("Disclosure 接口文档")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // No fonts from the vendor's CDN: an office network may not reach it, and nothing else on the site does.
            .DisableDefaultFonts()
            // Nor the vendor's hosted features (AI agent, MCP, telemetry): the page talks to this site only.
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .AddPreferredSecuritySchemes(Disclosure.ApiClients.Authentication.ApiClientAuthentication.Scheme));
        return app;
    }
}
