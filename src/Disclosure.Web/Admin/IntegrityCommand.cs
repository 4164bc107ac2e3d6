using Disclosure.Storage.Ledger;

namespace Disclosure.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- verify-ledger [--head &lt;序号&gt;:&lt;哈希&gt;]…</c>: checks the 台账 chain, its
/// MACs and published versions, and that each head given (from the public heads page or a signed export) is still
/// in the ledger; exit code 1 on any problem, 2 on a malformed head.
/// </summary>
public static class IntegrityCommand
{
    public const string Name = "verify-ledger";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var heads = new List<LedgerHead>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--head")
            {
                continue;
            }

            if (i + 1 >= args.Length || !LedgerHead.TryParse(args[i + 1], out var head))
            {
                Console.Error.WriteLine("--head 的格式应为“序号:哈希”，例如 --head 128:3f5a…（64 位十六进制哈希，取自公开的台账链头页面或签名导出文件）。");
                return 2;
            }

            heads.Add(head);
        }

        await using var scope = services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<IntegrityVerifier>().VerifyAsync(heads);
        if (problems.Count == 0)
        {
            Console.WriteLine(heads.Count == 0
                ? "台账校验通过：哈希链完整，已发布内容与发布记录一致。"
                : $"台账校验通过：哈希链完整，已发布内容与发布记录一致，给定的 {heads.Count} 个链头仍在台账中。");
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
