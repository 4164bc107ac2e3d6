using Disclosure.Accounts;
using Disclosure.Admin;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Settings;
using Disclosure.Storage.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Setup;

/// <summary>Runs before the site takes requests: migrations, first-start recipes, and the first administrator.</summary>
public static partial class SiteSetup
{
    public const string AdministratorRole = "Administrator";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873:Avoid potentially expensive logging",
        Justification = "Both string.Join calls are guarded by logger.IsEnabled; the analyser does not see guards around [LoggerMessage] methods that take the logger as a parameter (dotnet/sdk#50893).")]
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<SetupOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.Setup");

        var folder = options.RecipesFolder ?? Path.Combine(AppContext.BaseDirectory, "recipes");
        var files = options.EffectiveRecipes.Select(r => Path.GetFullPath(Path.Combine(folder, r))).ToList();
        var firstStart = await provider.GetRequiredService<SetupService>().RunAsync(files, cancellationToken);
        if (firstStart && logger.IsEnabled(LogLevel.Information))
        {
            LogRecipesRun(logger, string.Join("、", options.EffectiveRecipes));
        }

        var seed = SiteIdentityConfiguration.Read(provider.GetRequiredService<IConfiguration>());
        var seeded = await provider.GetRequiredService<SiteIdentityStore>().SeedAsync(seed, firstStart, SiteIdentityConfiguration.Actor, cancellationToken);
        if (seeded.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            LogIdentitySeeded(logger, string.Join("；", seeded));
        }

        await EnsureAdministratorAsync(provider, options, logger);
        foreach (var (title, lines) in provider.GetRequiredService<SetupNotices>().All)
        {
            // Like the administrator's password: shown on the console this once, not logged.
            Console.WriteLine($"==================== {title} ====================");
            foreach (var line in lines)
            {
                Console.WriteLine("  " + line);
            }

            Console.WriteLine();
        }
    }

    private static async Task EnsureAdministratorAsync(IServiceProvider provider, SetupOptions options, ILogger logger)
    {
        var users = provider.GetRequiredService<UserManager<DisclosureUser>>();
        if ((await users.GetUsersInRoleAsync(AdministratorRole)).Count > 0)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(options.AdminPassword);
        var password = generated ? PasswordRule.Generate() : options.AdminPassword!;
        try
        {
            // A generated password has been on the console: it must be replaced at first sign-in. One the operator
            // configured (Setup:AdminPassword) is theirs already.
            await provider.GetRequiredService<AccountService>().CreateAsync(
                "system", options.AdminUserName, password, new AccountDetails("系统管理员", null, null, [AdministratorRole]), mustChangePassword: generated);
        }
        catch (AccountException e)
        {
            throw new InvalidOperationException("无法创建管理员账号：" + e.Message, e);
        }

        // Printed to the console on purpose (not only logged): this is the one time the password is shown.
        Console.WriteLine();
        Console.WriteLine("==================== Disclosure 管理员账号 ====================");
        Console.WriteLine($"  用户名：{options.AdminUserName}");
        Console.WriteLine(generated ? $"  初始密码：{password}    （仅显示这一次，首次登录时须修改）" : "  密码：配置项 Setup:AdminPassword 中设置的密码");
        Console.WriteLine("===============================================================");
        Console.WriteLine();
        LogAdministratorCreated(logger, options.AdminUserName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "已执行初始化配方：{Recipes}")]
    private static partial void LogRecipesRun(ILogger logger, string recipes);

    [LoggerMessage(Level = LogLevel.Information, Message = "已按配置 Site:Identity 写入站点设置：{Fields}")]
    private static partial void LogIdentitySeeded(ILogger logger, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "已创建管理员账号 {UserName}")]
    private static partial void LogAdministratorCreated(ILogger logger, string userName);
}
