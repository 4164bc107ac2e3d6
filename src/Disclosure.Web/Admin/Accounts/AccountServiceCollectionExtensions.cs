namespace Disclosure.Web.Admin.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Accounts (sign-in, changes, the directory of 姓名 every admin page names people by).</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<PasswordRule>();
        services.AddScoped<Ledger.LedgerSubjects>();
        return services;
    }
}
