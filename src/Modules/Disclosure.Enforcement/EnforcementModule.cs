using Disclosure.Admin;
using Disclosure.Core.Recipes;
using Disclosure.Core.Security;
using Disclosure.Enforcement.Admin;
using Disclosure.Enforcement.Api;
using Disclosure.Enforcement.Public;
using Disclosure.Enforcement.Recipes;
using Disclosure.Enforcement.Services;
using Disclosure.Enforcement.Supervision;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Supervision;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Enforcement;

/// <summary>
/// 执法公开: cases, their parties and events, what each party may see (向特定对象公开), the online 警务公开查询, the
/// 5-working-day clock and the import from the case-handling system.
/// </summary>
public sealed class EnforcementModule : IDisclosureModule
{
    /// <summary>Cases and their events: register, record, release, import, the due board and the timeliness report.</summary>
    public const string AdminPolicy = "Enforcement";

    /// <summary>Parties' personal data (on a recorded click) and reissuing their 查询码: the 公开办 only.</summary>
    public const string PartyDataPolicy = "EnforcementPartyData";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Site", "Disclosure.Admin", "Disclosure.Channels", "Disclosure.ApiClients"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new CaseKindsStepReader(), new CasesStepReader()];

    public string? LedgerActionName(string action) => EnforcementLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<CaseKindCache>();
        services.AddScoped<CaseKindStore>();
        services.AddScoped<CaseRegistry>();
        services.AddScoped<ISupervisionClock, EnforcementDisclosureClock>();
        services.AddScoped<PartyCaseQuery>();
        services.AddScoped<PartyDataAccess>();
        services.AddScoped<IRecipeStepHandler, CaseKindsStepHandler>();
        services.AddScoped<IRecipeStepHandler, CasesStepHandler>();
        services.AddAdminPolicy(AdminPolicy, RoleNames.Editor, RoleNames.InformationOffice);
        services.AddAdminPolicy(PartyDataPolicy, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("执法公开", "/admin/enforcement", AdminPolicy, 65));
        services.AddEnforcementAdmin();
        services.AddEnforcementImport();
        services.AddEnforcementPublic();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapEnforcementApi();
}
