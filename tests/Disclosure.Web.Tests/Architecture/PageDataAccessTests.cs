using System.Reflection;
using Disclosure.Modules;
using Disclosure.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Web.Tests.Architecture;

/// <summary>
/// Issue #16: admin pages reach data through their module's services, never the DbContext. A page model of any
/// installed module may not take a <see cref="DisclosureDbContext"/> (or a subclass) in a constructor, keep one in a
/// field or property (a captured primary-constructor parameter is a field), or have one injected into a handler.
/// </summary>
public sealed class PageDataAccessTests
{
    private const BindingFlags Everything = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static List<Type> PageModels() =>
        InstalledModules.All.Select(m => m.GetType().Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.IsSubclassOf(typeof(PageModel)))
            .ToList();

    private static bool IsDbContext(Type type) => type.IsAssignableTo(typeof(DisclosureDbContext));

    /// <summary>Where <paramref name="page"/> (or a base class of it below <see cref="PageModel"/>) gets hold of the DbContext.</summary>
    private static IEnumerable<string> DbContextUses(Type page)
    {
        for (var type = page; type is not null && type != typeof(PageModel); type = type.BaseType)
        {
            foreach (var constructor in type.GetConstructors(Everything).Where(c => c.GetParameters().Any(p => IsDbContext(p.ParameterType))))
            {
                yield return $"{type.Name} constructor ({string.Join(", ", constructor.GetParameters().Select(p => p.ParameterType.Name))})";
            }

            foreach (var field in type.GetFields(Everything).Where(f => IsDbContext(f.FieldType)))
            {
                yield return $"{type.Name} field {field.Name}";
            }

            foreach (var property in type.GetProperties(Everything).Where(p => IsDbContext(p.PropertyType)))
            {
                yield return $"{type.Name} property {property.Name}";
            }

            foreach (var method in type.GetMethods(Everything).Where(m => m.GetParameters().Any(p => IsDbContext(p.ParameterType))))
            {
                yield return $"{type.Name} method {method.Name}";
            }
        }
    }

    [Fact]
    public void No_module_page_model_takes_the_DbContext()
    {
        var pages = PageModels();
        // The scan must see the admin pages, or it would pass by finding nothing.
        Assert.True(pages.Count >= 20, $"only {pages.Count} page models found in the installed modules");
        var offenders = pages.SelectMany(page => DbContextUses(page).Select(use => $"{page.FullName}: {use}")).ToList();
        Assert.True(offenders.Count == 0,
            "Page models reach the DbContext directly; move the queries into a service of the module:\n" + string.Join("\n", offenders));
    }
}
