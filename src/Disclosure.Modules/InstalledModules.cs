using Disclosure.Accounts;
using Disclosure.Admin;
using Disclosure.AnnualReports;
using Disclosure.ApiClients;
using Disclosure.Backups;
using Disclosure.Calendar;
using Disclosure.Channels;
using Disclosure.Contents;
using Disclosure.Core.Recipes;
using Disclosure.Credit;
using Disclosure.Enforcement;
using Disclosure.GraphQL;
using Disclosure.Interaction;
using Disclosure.Requests;
using Disclosure.Search;
using Disclosure.Site;
using Disclosure.Storage.Modules;
using Disclosure.Supervision;

namespace Disclosure.Modules;

/// <summary>
/// The capability modules of this build, in dependency order. The web host composes exactly these; tools and tests
/// use the same list so that every <c>DisclosureDbContext</c> has one model and one set of migrations fits it.
/// </summary>
public static class InstalledModules
{
    public static IReadOnlyList<IDisclosureModule> All { get; } =
    [
        new AdminModule(),
        new ApiClientsModule(),
        new ContentsModule(),
        new SearchModule(),
        new SiteModule(),
        new ChannelsModule(),
        new AccountsModule(),
        new CalendarModule(),
        new RequestsModule(),
        new CreditModule(),
        new EnforcementModule(),
        new InteractionModule(),
        new AnnualReportsModule(),
        new BackupsModule(),
        new SupervisionModule(),
        new GraphQLModule(),
    ];

    /// <summary>Reads a recipe file whose steps may belong to any installed module (the demo's <c>Requests</c>, <c>CreditRecords</c> …).</summary>
    public static Recipe ReadRecipe(string filePath) => RecipeReader.ReadFile(filePath, All.SelectMany(m => m.RecipeSteps));
}
