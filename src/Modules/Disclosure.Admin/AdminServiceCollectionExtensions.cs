using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// Adds a module's admin access policy: the signed-in user needs one of <paramref name="roles"/>. Admin pages name it in
    /// <c>[Authorize(Policy = …)]</c>, and so does the module's <see cref="AdminMenuEntry"/>.
    /// </summary>
    public static IServiceCollection AddAdminPolicy(this IServiceCollection services, string name, params string[] roles)
    {
        services.AddOptions<AuthorizationOptions>().Configure(options => options.AddPolicy(name, policy => policy.RequireRole(roles)));
        return services;
    }
}
