using Disclosure.Storage.PowerList;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Credit;

public static class CreditServiceCollectionExtensions
{
    /// <summary>双公示 (the record store, public and office queries, import and export) and the 权力清单 table import and export.</summary>
    public static IServiceCollection AddDisclosureCredit(this IServiceCollection services)
    {
        services.AddScoped<CreditSettings>();
        services.AddScoped<CreditRecordStore>();
        services.AddScoped<CreditPublicQuery>();
        services.AddScoped<CreditAdminQuery>();
        services.AddScoped<CreditImporter>();
        services.AddScoped<CreditExporter>();
        services.AddScoped<PowerListImporter>();
        services.AddScoped<PowerListExporter>();
        return services;
    }
}
