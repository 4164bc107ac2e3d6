using Disclosure.Storage;
using Disclosure.Storage.Ledger;

namespace Disclosure.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- rotate-ledger-key</c>: creates the next <c>ledger-&lt;id&gt;.key</c> in the
/// 台账 keys folder, makes it current and records the rotation in the 台账. Restart the site (every node) afterwards.
/// </summary>
public static class RotateLedgerKeyCommand
{
    public const string Name = "rotate-ledger-key";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        try
        {
            var writer = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
            var entry = await db.InTransactionAsync(() => writer.RotateKeyAsync(LedgerWriter.SystemActor, CancellationToken.None), CancellationToken.None);
            Console.WriteLine($"台账密钥已轮换：台账第 {entry.Sequence} 条，{entry.Detail}新密钥文件在 {scope.ServiceProvider.GetRequiredService<LedgerKeyRing>().Folder}，旧密钥请保留以便校验。");
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }
}
