using Disclosure.Admin;
using Disclosure.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Supervision.Links;

/// <summary>The dead-link checker's services, options and policy (kept apart from the module class, which the board also edits).</summary>
public static class LinkCheckRegistration
{
    /// <summary>Who may press 立即检查: the 公开办 and the 管理员; a 领导 reads the list.</summary>
    public const string RunPolicy = "SupervisionLinkCheck";

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<LinkCheckOptions>()
            .BindConfiguration(LinkCheckOptions.SectionName)
            .Validate(o => o.IntervalHours > 0 && o.PollSeconds > 0 && o.TimeoutSeconds > 0 && o.LeaseSeconds > o.TimeoutSeconds,
                "Supervision:LinkCheck：IntervalHours、PollSeconds、TimeoutSeconds 应大于 0，LeaseSeconds 应大于 TimeoutSeconds。")
            .Validate(o => o.PerHostConcurrency >= 1 && o.Concurrency >= 1 && o.PerHostDelayMilliseconds >= 0 && o.MaxLinksPerRun >= 1 && o.MaxRedirects >= 0,
                "Supervision:LinkCheck：PerHostConcurrency、Concurrency、MaxLinksPerRun 应至少为 1，PerHostDelayMilliseconds、MaxRedirects 不能为负。")
            .ValidateOnStart();
        services.AddHttpClient(ExternalLinkProbe.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<ExternalLinkProbe>();
        services.AddSingleton<LinkCheckSignal>();
        services.AddScoped<InternalLinkResolver>();
        services.AddScoped<LinkCheckRuns>();
        services.AddScoped<LinkChecker>();
        services.AddScoped<BrokenLinkQuery>();
        services.AddHostedService<LinkCheckService>();
        services.AddAdminPolicy(RunPolicy, RoleNames.InformationOffice, RoleNames.Administrator);
    }
}
