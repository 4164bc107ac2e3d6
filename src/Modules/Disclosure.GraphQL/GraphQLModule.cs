using Disclosure.GraphQL.Content;
using Disclosure.GraphQL.Credit;
using Disclosure.GraphQL.Execution;
using Disclosure.GraphQL.Options;
using Disclosure.GraphQL.Schema;
using Disclosure.GraphQL.Search;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.GraphQL;

/// <summary>
/// GraphQL over the published content model, <c>/graphql</c> (mapped by the host with
/// <see cref="Endpoint.GraphQLEndpoint.MapGraphQL"/>, since module endpoints live under <c>/api/v1</c>).
/// </summary>
public sealed class GraphQLModule : IDisclosureModule
{
    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin", "Disclosure.ApiClients", "Disclosure.Contents", "Disclosure.Search", "Disclosure.Credit"];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphQLOptions>, GraphQLOptionsValidation>();
        services.AddSingleton<SchemaProvider>();
        services.AddSingleton<AllowedQueryList>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddScoped<ContentReader>();
        services.AddScoped<SearchReader>();
        services.AddScoped<CreditReader>();
    }
}
