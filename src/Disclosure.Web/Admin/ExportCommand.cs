using Disclosure.Modules.Export;
using Disclosure.Storage.Ledger;

namespace Disclosure.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- export --to DIR [--include-personal-data]</c>: writes everything the
/// office owns into DIR (a recipe the importer reads back, plus documented JSON; see README.md there). Personal data
/// of applicants only with the flag; every export is a 台账 entry saying which.
/// </summary>
public static class ExportCommand
{
    public const string Name = "export";

    public const string PersonalDataFlag = "--include-personal-data";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var rest = args.SkipWhile(a => a != Name).Skip(1).ToList();
        var to = rest.IndexOf("--to") is var at and >= 0 && at + 1 < rest.Count ? rest[at + 1] : null;
        if (string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync($"用法：{Name} --to 目录 [{PersonalDataFlag}]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<SiteExporter>()
                .ExportAsync(Path.GetFullPath(to), rest.Contains(PersonalDataFlag), LedgerWriter.SystemActor);
            Console.WriteLine($"已导出到 {Path.GetFullPath(to)}：内容 {result.ContentItems} 条（{result.ContentVersions} 个版本），目录分类 {result.CatalogueClasses} 个，" +
                $"双公示 {result.CreditRecords} 条，依申请公开 {result.Applications} 件（{(result.PersonalData ? "含" : "不含")}申请人个人信息），年度报告 {result.AnnualReports} 份。说明见该目录的 README.md。");
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
