using System.Security.Cryptography;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Settings;
using Disclosure.Storage.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Setup;

/// <summary>Runs before the site takes requests: migrations, first-start recipes, and the first administrator.</summary>
public static class SiteSetup
{
    public const string AdministratorRole = "Administrator";

    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<SetupOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.Setup");

        var folder = options.RecipesFolder ?? Path.Combine(AppContext.BaseDirectory, "recipes");
        var files = options.EffectiveRecipes.Select(r => Path.GetFullPath(Path.Combine(folder, r))).ToList();
        var firstStart = await provider.GetRequiredService<SetupService>().RunAsync(files, cancellationToken);
        if (firstStart)
        {
            logger.LogInformation("已执行初始化配方：{Recipes}", string.Join("、", options.EffectiveRecipes));
        }

        var seed = SiteIdentityConfiguration.Read(provider.GetRequiredService<IConfiguration>());
        var seeded = await provider.GetRequiredService<SiteIdentityStore>().SeedAsync(seed, firstStart, SiteIdentityConfiguration.Actor, cancellationToken);
        if (seeded.Count > 0)
        {
            logger.LogInformation("已按配置 Site:Identity 写入站点设置：{Fields}", string.Join("；", seeded));
        }

        await EnsureAdministratorAsync(provider, options, logger);
    }

    private static async Task EnsureAdministratorAsync(IServiceProvider provider, SetupOptions options, ILogger logger)
    {
        var users = provider.GetRequiredService<UserManager<DisclosureUser>>();
        if ((await users.GetUsersInRoleAsync(AdministratorRole)).Count > 0)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(options.AdminPassword);
        var password = generated ? GeneratePassword() : options.AdminPassword!;
        var admin = new DisclosureUser { UserName = options.AdminUserName, DisplayName = "系统管理员", EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("无法创建管理员账号：" + string.Join("；", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, AdministratorRole);

        // Printed to the console on purpose (not only logged): this is the one time the password is shown.
        Console.WriteLine();
        Console.WriteLine("==================== Disclosure 管理员账号 ====================");
        Console.WriteLine($"  用户名：{options.AdminUserName}");
        Console.WriteLine(generated ? $"  初始密码：{password}    （仅显示这一次，请登录后立即修改）" : "  密码：配置项 Setup:AdminPassword 中设置的密码");
        Console.WriteLine("===============================================================");
        Console.WriteLine();
        logger.LogInformation("已创建管理员账号 {UserName}", options.AdminUserName);
    }

    /// <summary>16 characters with upper, lower, digit and symbol, which any sane password policy accepts.</summary>
    private static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%*-_+=";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
