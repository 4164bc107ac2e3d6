using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Requests;

public static class RequestServiceCollectionExtensions
{
    /// <summary>依申请公开: the services behind the public form, the status query, the office's pages and the statistics.</summary>
    public static IServiceCollection AddDisclosureRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestService>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<ApplicantDataAccess>();
        services.AddScoped<RequestStatusQuery>();
        services.AddScoped<OnlineReplyDocuments>();
        services.AddScoped<RequestStatistics>();
        services.AddScoped<RequestImporter>();
        services.AddScoped<CaptchaStore>();
        return services;
    }
}
