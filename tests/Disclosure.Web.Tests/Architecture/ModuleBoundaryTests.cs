using System.Reflection;
using System.Runtime.CompilerServices;
using Disclosure.Modules;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Architecture;

/// <summary>
/// The module map holds in the built assemblies: every module is installed after those it depends on, the kernel
/// knows no module, a module uses only the kernel and the modules it declares (acyclic), and no module opens its
/// internals to another.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Kernel = ["Disclosure.Core", "Disclosure.Storage", "Disclosure.Media"];

    /// <summary>Every project under src/Modules, by assembly name (its folder name).</summary>
    private static List<string> ModuleNames() =>
        Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src", "Modules")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> Declared(string module) =>
        InstalledModules.All.SingleOrDefault(m => m.Name == module)?.Dependencies
        ?? throw new InvalidOperationException($"{module} is not installed.");

    [Fact]
    public void Every_module_under_src_Modules_is_installed()
    {
        var modules = ModuleNames();
        Assert.True(modules.Count >= 6, $"only {modules.Count} modules found");
        Assert.Equal(modules, InstalledModules.All.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Installed_modules_come_after_the_modules_they_depend_on()
    {
        var installed = InstalledModules.All.Select(m => m.Name).ToList();
        Assert.All(InstalledModules.All, module => Assert.All(module.Dependencies, dependency =>
        {
            var position = installed.IndexOf(dependency);
            Assert.True(position >= 0 && position < installed.IndexOf(module.Name), $"{module.Name} is installed before {dependency}, which it depends on");
        }));
    }

    [Fact]
    public void The_kernel_references_no_module()
    {
        var modules = ModuleNames().ToHashSet();
        Assert.All(Kernel, kernel =>
        {
            var references = Assembly.Load(kernel).GetReferencedAssemblies().Select(a => a.Name!).Where(modules.Contains).ToList();
            Assert.True(references.Count == 0, $"{kernel} references {string.Join(", ", references)}");
        });
    }

    [Fact]
    public void A_module_references_only_the_kernel_and_the_modules_it_declares()
    {
        var modules = ModuleNames().ToHashSet();
        Assert.All(modules, module =>
        {
            var used = Assembly.Load(module).GetReferencedAssemblies().Select(a => a.Name!).Where(modules.Contains).ToList();
            var undeclared = used.Except(Declared(module)).ToList();
            Assert.True(undeclared.Count == 0, $"{module} uses {string.Join(", ", undeclared)} without declaring it");
        });
    }

    [Fact]
    public void Module_dependencies_form_no_cycle()
    {
        var modules = ModuleNames();
        foreach (var module in modules)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(Declared(module));
            while (stack.TryPop(out var next))
            {
                Assert.True(next != module, $"{module} depends on itself through its dependencies");
                if (seen.Add(next))
                {
                    foreach (var further in Declared(next))
                    {
                        stack.Push(further);
                    }
                }
            }
        }
    }

    [Fact]
    public void No_module_opens_its_internals_to_another_module()
    {
        var modules = ModuleNames().ToHashSet();
        foreach (var module in modules.Concat(Kernel))
        {
            var friends = Assembly.Load(module).GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0]).ToList();
            var modulesAsFriends = friends.Where(f => modules.Contains(f) || Kernel.Contains(f)).ToList();
            Assert.True(modulesAsFriends.Count == 0, $"{module} opens its internals to {string.Join(", ", modulesAsFriends)}");
            Assert.All(friends, friend => Assert.EndsWith(".Tests", friend, StringComparison.Ordinal));
        }
    }
}
