using Disclosure.Storage.Ledger;

namespace Disclosure.Web.Admin;

/// <summary><c>dotnet run --project src/Disclosure.Web -- verify-ledger</c>: checks the 台账 chain and published versions, exit code 1 on any problem.</summary>
public static class IntegrityCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<IntegrityVerifier>().VerifyAsync();
        if (problems.Count == 0)
        {
            Console.WriteLine("台账校验通过：哈希链完整，已发布内容与发布记录一致。");
            return 0;
        }

        Console.WriteLine($"台账校验发现 {problems.Count} 个问题：");
        foreach (var problem in problems)
        {
            Console.WriteLine($"  {problem.Subject}：{problem.Message}");
        }

        return 1;
    }
}
