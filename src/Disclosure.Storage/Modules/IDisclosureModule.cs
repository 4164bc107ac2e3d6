using Disclosure.Core.Recipes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Modules;

/// <summary>
/// One capability of Disclosure (依申请公开, 双公示, the annual report …), holding its data, services, pages and API
/// together. The host composes modules through <see cref="ModuleServiceCollectionExtensions.AddDisclosureModules"/>;
/// a module reaches the kernel (content, ledger, calendar, the database) and the public types of the modules it
/// declares in <see cref="Dependencies"/>, nothing else.
/// </summary>
public interface IDisclosureModule
{
    /// <summary>The module's assembly name, e.g. <c>Disclosure.Requests</c>.</summary>
    string Name => GetType().Assembly.GetName().Name!;

    /// <summary>The modules whose public types this one uses (by <see cref="Name"/>); the architecture test holds every module to it.</summary>
    IReadOnlyList<string> Dependencies => [];

    /// <summary>The recipe steps this module reads (their handlers are registered in <see cref="ConfigureServices"/>).</summary>
    IReadOnlyList<IRecipeStepReader> RecipeSteps => [];

    /// <summary>The zh-CN name of a 台账 action this module records, or null when the action is not one of its own.</summary>
    string? LedgerActionName(string action) => null;

    /// <summary>Registers the module's services and options (<c>AddOptions&lt;T&gt;().BindConfiguration(…)</c>).</summary>
    void ConfigureServices(IServiceCollection services);

    /// <summary>Adds the module's tables to the one model; by default every <c>IEntityTypeConfiguration&lt;T&gt;</c> in its assembly.</summary>
    void ConfigureModel(ModelBuilder builder)
    {
        // A module without tables (the admin shell, search, the public site) has no mapping to apply, and EF would
        // log a warning at every start that it found none. The model is built once per process.
        var assembly = GetType().Assembly;
        if (assembly.GetTypes().Any(IsEntityTypeConfiguration))
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    private static bool IsEntityTypeConfiguration(Type type) =>
        type is { IsAbstract: false, IsGenericTypeDefinition: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));

    /// <summary>Maps the module's minimal-API endpoints on the host's <c>/api/v1</c> group; controllers and pages are found as application parts.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
