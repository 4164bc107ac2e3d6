using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Disclosure.Storage.Modules;

public static class ModuleServiceCollectionExtensions
{
    /// <summary>
    /// Registers each module's services and the module itself, so that the database model (<see cref="DisclosureDbContext"/>)
    /// includes its tables and the host can map its endpoints.
    /// </summary>
    /// <remarks>
    /// Modules bind their options from <see cref="IConfiguration"/>. A host without configuration (a tool, a
    /// storage-level test on a plain service provider) gets an empty one, so every module runs on its defaults; the web
    /// host and generic hosts register their own first.
    /// </remarks>
    public static IServiceCollection AddDisclosureModules(this IServiceCollection services, IEnumerable<IDisclosureModule> modules)
    {
        services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        foreach (var module in modules)
        {
            module.ConfigureServices(services);
            services.AddSingleton(module);
        }

        return services;
    }
}
