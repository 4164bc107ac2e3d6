using Disclosure.Storage.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Supervision.Coverage;

/// <summary>The 条例第二十条 coverage services and recipe step.</summary>
public static class CoverageRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<CoverageStore>();
        services.AddScoped<CoverageQuery>();
        services.AddScoped<IRecipeStepHandler, StatuteCoverageStepHandler>();
    }
}
