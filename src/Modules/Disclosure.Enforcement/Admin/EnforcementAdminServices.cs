using Disclosure.Enforcement.Services;
using Disclosure.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Enforcement.Admin;

/// <summary>The office's side of 执法公开: the case list and due board, the case page, the monthly timeliness report.</summary>
public static class EnforcementAdminServices
{
    public static IServiceCollection AddEnforcementAdmin(this IServiceCollection services)
    {
        services.AddScoped<CaseAdminQueries>();
        services.AddScoped<TimelinessReport>();
        services.AddScoped<ILedgerSubjectResolver, EnforcementLedgerSubjects>();
        return services;
    }
}
