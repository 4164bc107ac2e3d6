namespace Disclosure.Modules.Export;

/// <summary>The README.md written into every export folder: what each file is and how to read it back.</summary>
internal static class ExportReadme
{
    public static string Text(bool personalData) => $$"""
        # Disclosure 站点导出（迁出）

        由 `dotnet run --project src/Disclosure.Web -- export --to DIR` 写出。所有文件为 UTF-8；时间为 ISO 8601（UTC）。
        本次导出{{(personalData ? "**包含**申请人个人信息（姓名、证件号码、联系方式），请按个人信息保护要求保管，用完销毁" : "**不含**申请人个人信息")}}；每次导出均记入台账（导出站点数据）。

        | 文件 | 内容 |
        | --- | --- |
        | `recipe.json` | 配方（与 `recipes/*.json` 同一格式）：站点设置（Settings）、机构及其部门、单独设置和本地工作日历（Agencies）、信息公开目录（Catalogue）、主题分类（Topics）、内容（Content，指向 `content/`，并带 `indexNumberCounters`：各索引号计数器的当前值）、双公示（CreditRecords，每个机构一步，指向 `credit/`） |
        | `content/{类型}/{编号}.json` | 每条内容一个文件：`id`、`type`、`department`、`indexNumber`（索引号）、`createdAt`、`createdBy`，以及 `versions`：全部版本，从第 1 版起，每版含 `number`、`status`（Draft、InReview、Approved、Scheduled、Published、Archived、Withdrawn）、`data`（内容数据）、`createdAt`/`createdBy`、`scheduledAt`、`publishedAt`/`publishedBy`、`withdrawnAt`/`withdrawnBy`/`withdrawReason` |
        | `media/` | 附件文件（站点 media 目录中的全部文件，路径不变）；`recipe.json` 的 Content 步骤以 `"media": "media"` 指向它，导入时复制到新站点的 media 目录 |
        | `credit/{机构代码}-licences.csv`、`credit/{机构代码}-penalties.csv` | 行政许可、行政处罚（双公示），即后台“导入”使用的 CSV 格式（含全部列），可再次导入 |
        | `requests.json` | 依申请公开：`personalData`（是否含个人信息）和 `applications`：每件申请的全部登记和办理字段（编号 Number、查询码 TrackingCode、收到日期、内容描述、办理阶段、延期、答复、办结……），征求第三方意见 `Consultations`，复议诉讼 `Appeals`；`Applicant`（申请人信息）仅在含个人信息时写出，否则为 null |
        | `requests-register.json` | 仅在含个人信息时写出：依申请公开登记，配方 Requests 步骤的格式（与 `recipes/requests/demo.json` 相同），`recipe.json` 中有对应步骤，导入后每件申请连同申请人、补正、征求意见、延期、办结和复议诉讼记录照原样恢复 |
        | `annual-reports.json` | 政府信息公开工作年度报告：每份报告的机构、年度、格式年度、正文各部分、人工填写数据（ManualJson）、统计数据（FiguresJson 等）、对应的已发布内容编号；`recipe.json` 的 AnnualReports 步骤指向它，导入时按机构和年度写入 |

        ## 导入

        在一个新的空站点上，初次启动时应用 `setup.json` 和本目录的 `recipe.json`：

            Setup__Recipes__0=setup.json Setup__Recipes__1=/导出目录/recipe.json dotnet run --project src/Disclosure.Web

        （或把本目录复制到 `Setup:RecipesFolder` 下。）内容按原编号、原索引号、原日期和全部版本写入，发布、撤回记录按原时间记入新站点的台账；双公示按原状态导入。依申请公开只有在含个人信息的导出中才能导入（法律要求申请连同申请人一并保存）；不含个人信息时 `requests.json` 供查阅和统计。年度报告按原样导入。
        """;
}
