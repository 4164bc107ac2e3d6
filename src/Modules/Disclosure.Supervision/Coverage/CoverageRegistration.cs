using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Supervision.Coverage;

/// <summary>The 条例第二十条 coverage services.</summary>
public static class CoverageRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
