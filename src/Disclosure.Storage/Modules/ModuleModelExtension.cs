using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Modules;

/// <summary>
/// Carries the installed modules into <see cref="DisclosureDbContext"/>'s options, so that every way of making a
/// context (the host's, a tool's <c>new DisclosureDbContext(options)</c>) builds the same model. EF Core keeps one
/// model per distinct set of modules.
/// </summary>
internal sealed class ModuleModelExtension(IReadOnlyList<IDisclosureModule> modules) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public IReadOnlyList<IDisclosureModule> Modules { get; } = modules;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ModuleModelExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        // Read whenever a context is made (EF Core looks up its internal service provider by it), so joined once.
        private string Names { get; } = string.Join(",", extension.Modules.Select(m => m.Name));

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"Modules={Names} ";

        public override int GetServiceProviderHashCode() => StringComparer.Ordinal.GetHashCode(Names);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && info.Names == Names;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Disclosure:Modules"] = Names;
    }
}
