using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Modules;

public static class ModuleServiceCollectionExtensions
{
    /// <summary>
    /// Registers each module's services and the module itself, so that the database model (<see cref="DisclosureDbContext"/>)
    /// includes its tables and the host can map its endpoints.
    /// </summary>
    public static IServiceCollection AddDisclosureModules(this IServiceCollection services, IEnumerable<IDisclosureModule> modules)
    {
        foreach (var module in modules)
        {
            module.ConfigureServices(services);
            services.AddSingleton(module);
        }

        return services;
    }
}
