using Disclosure.Channels.Notices;
using Disclosure.Enforcement.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Api;

/// <summary>The import side of 执法公开: the API's sources, the table importer and its uploads, the party step notices.</summary>
public static class EnforcementImportRegistration
{
    public static IServiceCollection AddEnforcementImport(this IServiceCollection services)
    {
        services.AddOptions<EnforcementOptions>().BindConfiguration(EnforcementOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EnforcementOptions>, EnforcementOptionsValidator>());
        services.AddScoped<CaseEventImporter>();
        services.AddScoped<CaseEventUploads>();
        services.AddScoped<CaseStepNotices>();
        services.AddScoped<INoticeSource, CaseStepNoticeSource>();
        return services;
    }
}
