using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Disclosure.Web.Api.V1;

/// <summary>
/// Describes the API clients' access in the OpenAPI document: the <c>ApiClient</c> security scheme (OAuth2 client
/// credentials at <c>/api/v1/oauth/token</c>, or a personal access token as a bearer token) with every scope, and on
/// each operation opened with <c>RequireApiClient</c> the scopes it accepts. The interactive reference at
/// <c>/api/docs</c> reads it to offer sign-in and to send the token.
/// </summary>
public static class ApiClientSecurity
{
    /// <summary>Where the token endpoint answers: the API's group (<c>/api/v1</c>, mapped by the host) and its own path.</summary>
    private const string TokenUrl = "/api/v1" + TokenEndpoint.Path;

    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiClientAuthentication.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = $"接口客户端：以 client_id 和 client_secret 在 {TokenUrl} 换取访问令牌（有效期数分钟），" +
                    "或使用管理员签发的个人访问令牌（dspat_ 开头），放在请求头 Authorization: Bearer <令牌>。",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(TokenUrl, UriKind.Relative),
                        Scopes = ApiScopes.All.ToDictionary(s => s.Name, s => s.DisplayName),
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiScopeMetadata>().FirstOrDefault() is not { } scopes)
            {
                return Task.CompletedTask;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiClientAuthentication.Scheme, context.Document)] = [.. scopes.Scopes],
            });
            operation.Description = $"{operation.Description}\n\n权限范围（任一）：{string.Join("、", scopes.Scopes.Select(s => $"`{s}`（{ApiScopes.DisplayName(s)}）"))}。";
            return Task.CompletedTask;
        });
    }
}
