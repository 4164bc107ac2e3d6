using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Disclosure.AnnualReports.Data;
using Disclosure.Core.Tables;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Requests.Data;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Modules.Export;

/// <summary>What an export wrote, for the command's summary and the tests.</summary>
public sealed record SiteExportResult(int ContentItems, int ContentVersions, int CatalogueClasses, int CreditRecords, int Applications, int AnnualReports, bool PersonalData);

/// <summary>
/// 迁出: writes everything the office owns into a folder an importer can read. Where a recipe format exists the export
/// is a recipe (<c>recipe.json</c>: settings, agencies, 目录, topics, content with every version and its 索引号, 双公示 as
/// the import CSVs), so applying setup.json and this recipe to an empty site brings the same items, 索引号, dates and
/// versions back; the rest (applications, annual reports) is documented JSON beside it. Lives here, beside the list of
/// installed modules, because it reads the kernel and several modules at once.
/// </summary>
public sealed class SiteExporter(DisclosureDbContext db, CreditExporter credit, LedgerWriter ledger, TimeProvider clock, StorageOptions storage)
{
    public const string RecipeFile = "recipe.json";

    /// <summary>The applications in the Requests step's format, written only with the applicants' personal data.</summary>
    public const string RequestRegisterFile = "requests-register.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Stages, outcomes and kinds by name (Closed, Disclosed), as the recipes write them, not as numbers.
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <param name="folder">Must be empty or not exist: an export never mixes with older files.</param>
    /// <param name="includePersonalData">申请人信息 (names, ID numbers, contacts) goes with the applications; recorded in the 台账.</param>
    public async Task<SiteExportResult> ExportAsync(string folder, bool includePersonalData, string actor, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidOperationException($"导出目录“{folder}”不是空目录。请指定一个新目录，以免与旧文件混在一起。");
        }

        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var steps = new JsonArray
        {
            new JsonObject { ["name"] = "Settings", ["settings"] = await SettingsAsync(cancellationToken) },
            new JsonObject { ["name"] = "Agencies", ["agencies"] = await AgenciesAsync(cancellationToken) },
            new JsonObject { ["name"] = "Catalogue", ["classes"] = await CatalogueAsync(cancellationToken) },
            new JsonObject { ["name"] = "Topics", ["topics"] = new JsonArray((await db.Topics.AsNoTracking().OrderBy(t => t.Position).Select(t => t.Name).ToListAsync(cancellationToken)).Select(t => (JsonNode)t!).ToArray()) },
        };

        var (items, versions) = await WriteContentAsync(Path.Combine(folder, "content"), cancellationToken);
        var counters = new JsonObject();
        foreach (var counter in await db.Counters.AsNoTracking().Where(c => c.Name.StartsWith("index:")).OrderBy(c => c.Name).ToListAsync(cancellationToken))
        {
            counters[counter.Name["index:".Length..]] = counter.Value;
        }

        var contentStep = new JsonObject { ["name"] = "Content", ["source"] = "content", ["indexNumberCounters"] = counters };
        if (CopyMedia(Path.Combine(storage.DataFolder, "media"), Path.Combine(folder, "media")) > 0)
        {
            contentStep["media"] = "media";
        }

        steps.Add(contentStep);
        var creditRecords = 0;
        foreach (var agency in await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken))
        {
            var step = new JsonObject { ["name"] = "CreditRecords", ["agency"] = agency };
            foreach (var (kind, property) in new[] { (CreditRecordKind.Licence, "licences"), (CreditRecordKind.Penalty, "penalties") })
            {
                var file = $"credit/{agency}-{property}.csv";
                var rows = await WriteCreditAsync(Path.Combine(folder, file), kind, agency, cancellationToken);
                if (rows > 0)
                {
                    step[property] = file;
                    creditRecords += rows;
                }
                else
                {
                    File.Delete(Path.Combine(folder, file));
                }
            }

            if (step.Count > 2)
            {
                steps.Add(step);
            }
        }

        var applications = await WriteApplicationsAsync(Path.Combine(folder, "requests.json"), includePersonalData, cancellationToken);
        if (includePersonalData)
        {
            // The register in the Requests step's format: the law wants every application kept with its applicant, so
            // only an export with the applicants is one the importer can take back.
            await WriteJsonAsync(Path.Combine(folder, RequestRegisterFile), await RequestRegister.BuildAsync(db, cancellationToken), cancellationToken);
            steps.Add(new JsonObject { ["name"] = "Requests", ["source"] = RequestRegisterFile });
        }

        var reports = await WriteAnnualReportsAsync(Path.Combine(folder, "annual-reports.json"), cancellationToken);
        if (reports > 0)
        {
            steps.Add(new JsonObject { ["name"] = "AnnualReports", ["source"] = "annual-reports.json" });
        }

        var recipe = new JsonObject
        {
            ["name"] = "export-" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["displayName"] = "站点导出（迁出）",
            ["description"] = $"由 export 命令于 {now:yyyy-MM-dd HH:mm} (UTC) 导出。在空站点上与 setup.json 一起应用即可导入。",
            ["steps"] = steps,
        };
        await WriteJsonAsync(Path.Combine(folder, RecipeFile), recipe, cancellationToken);

        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), ExportReadme.Text(includePersonalData), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);

        var result = new SiteExportResult(items, versions, await db.CatalogueClasses.CountAsync(cancellationToken), creditRecords, applications, reports, includePersonalData);
        await db.InTransactionAsync(() => ledger.AppendAsync(actor, LedgerActions.SiteExported, null, null, null,
            $"导出到 {Path.GetFullPath(folder)}：内容 {items} 条（{versions} 个版本），双公示 {creditRecords} 条，依申请公开 {applications} 件" +
            (includePersonalData ? "，含申请人个人信息" : "，不含申请人个人信息"), cancellationToken), cancellationToken);
        return result;
    }

    private async Task<JsonObject> SettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new JsonObject();
        foreach (var setting in await db.SiteSettings.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken))
        {
            settings[setting.Name] = setting.Value;
        }

        return settings;
    }

    /// <summary>The agencies as the Agencies step reads them: parents before children, each with its departments and own settings.</summary>
    private async Task<JsonArray> AgenciesAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken)).ToLookup(d => d.AgencyCode);
        var settings = (await db.AgencySettings.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).ToLookup(s => s.AgencyCode);
        var calendars = (await db.Set<Storage.Entities.AgencyCalendarDayRecord>().AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken)).ToLookup(d => d.AgencyCode);
        var ordered = new List<Storage.Entities.AgencyRecord>();
        void Add(string? parent)
        {
            foreach (var agency in agencies.Where(a => a.ParentCode == parent).OrderBy(a => a.Position).ThenBy(a => a.Code, StringComparer.Ordinal))
            {
                ordered.Add(agency);
                Add(agency.Code);
            }
        }

        Add(null);
        var array = new JsonArray();
        foreach (var agency in ordered)
        {
            var node = new JsonObject
            {
                ["code"] = agency.Code, ["name"] = agency.Name, ["areaCode"] = agency.AreaCode, ["departmentCode"] = agency.DepartmentCode,
            };
            if (agency.ParentCode is not null)
            {
                node["parent"] = agency.ParentCode;
            }

            if (agency.CreditCode is not null)
            {
                node["creditCode"] = agency.CreditCode;
            }

            if (agency.IndexNumberFormat is not null)
            {
                node["indexNumberFormat"] = agency.IndexNumberFormat;
            }

            node["acceptsOnlineRequests"] = agency.AcceptsOnlineRequests;
            node["departments"] = new JsonArray(departments[agency.Code].Select(d => (JsonNode)new JsonObject { ["code"] = d.Code, ["name"] = d.Name }).ToArray());
            var own = new JsonObject();
            foreach (var setting in settings[agency.Code])
            {
                own[setting.Name] = setting.Value;
            }

            node["settings"] = own;
            // The agency's own days (那达慕 …) in the reader's words: holiday (放假) or workday (调休上班).
            node["calendar"] = new JsonArray(calendars[agency.Code].Select(d =>
            {
                var day = new JsonObject
                {
                    ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["kind"] = d.Kind == Core.Calendar.CalendarDayKind.Holiday ? "holiday" : "workday",
                    ["name"] = d.Name,
                };
                Put(day, "source", d.Source);
                return (JsonNode)day;
            }).ToArray());
            array.Add(node);
        }

        return array;
    }

    private async Task<JsonArray> CatalogueAsync(CancellationToken cancellationToken)
    {
        var classes = await db.CatalogueClasses.AsNoTracking().ToListAsync(cancellationToken);
        JsonArray Level(string? parent) => new(classes.Where(c => c.ParentCode == parent).OrderBy(c => c.Position).Select(c =>
        {
            var node = new JsonObject { ["code"] = c.Code, ["name"] = c.Name };
            if (c.Description is not null)
            {
                node["description"] = c.Description;
            }

            if (classes.Any(child => child.ParentCode == c.Code))
            {
                node["children"] = Level(c.Code);
            }

            return (JsonNode)node;
        }).ToArray());
        return Level(null);
    }

    /// <summary>One file per item, <c>content/{type}/{id}.json</c>, with every version oldest first.</summary>
    private async Task<(int Items, int Versions)> WriteContentAsync(string folder, CancellationToken cancellationToken)
    {
        var items = 0;
        var versions = 0;
        var ids = await db.ContentItems.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(200))
        {
            var loaded = await db.ContentItems.AsNoTracking().Include(i => i.Versions).Where(i => batch.Contains(i.Id)).ToListAsync(cancellationToken);
            foreach (var item in loaded)
            {
                var node = new JsonObject { ["id"] = item.ContentItemId, ["type"] = item.ContentType };
                Put(node, "department", item.DepartmentCode);
                Put(node, "indexNumber", item.IndexNumber);
                Put(node, "createdAt", Time(item.CreatedUtc));
                Put(node, "createdBy", item.CreatedBy);
                var history = new JsonArray();
                foreach (var version in item.Versions.OrderBy(v => v.Number))
                {
                    var v = new JsonObject { ["number"] = version.Number, ["status"] = version.Status.ToString(), ["data"] = JsonNode.Parse(version.DataJson) };
                    Put(v, "createdAt", Time(version.CreatedUtc));
                    Put(v, "createdBy", version.CreatedBy);
                    Put(v, "scheduledAt", Time(version.ScheduledUtc));
                    Put(v, "publishedAt", Time(version.PublishedUtc));
                    Put(v, "publishedBy", version.PublishedBy);
                    Put(v, "withdrawnAt", Time(version.WithdrawnUtc));
                    Put(v, "withdrawnBy", version.WithdrawnBy);
                    Put(v, "withdrawReason", version.WithdrawReason);
                    history.Add(v);
                    versions++;
                }

                node["versions"] = history;
                var typeFolder = Path.Combine(folder, item.ContentType);
                Directory.CreateDirectory(typeFolder);
                await WriteJsonAsync(Path.Combine(typeFolder, item.ContentItemId + ".json"), node, cancellationToken);
                items++;
            }
        }

        return (items, versions);
    }

    /// <summary>The attachments (every file of the media folder but the upload scratch folder), under the same paths.</summary>
    private static int CopyMedia(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }

        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
            copied++;
        }

        return copied;
    }

    private async Task<int> WriteCreditAsync(string file, CreditRecordKind kind, string agency, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var rows = 0;
        await using (var stream = File.Create(file))
        using (var csv = new CsvTableWriter(new StreamWriter(stream, CsvTableWriter.Utf8WithBom)))
        {
            csv.WriteRow(CreditExporter.Headers(kind));
            await foreach (var row in credit.RowsAsync(kind, agencyCode: agency, cancellationToken: cancellationToken))
            {
                csv.WriteRow(row);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>
    /// 依申请公开 applications with their consultations and appeals. The 申请人信息 (name, ID number, phone, address,
    /// email) is left out unless asked for: an export is a copy outside the site's access controls.
    /// </summary>
    private async Task<int> WriteApplicationsAsync(string file, bool includePersonalData, CancellationToken cancellationToken)
    {
        var requests = await db.Set<InformationRequestRecord>().AsNoTracking().Include(r => r.Consultations).Include(r => r.Appeals).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var applicants = includePersonalData
            ? await db.Set<RequestApplicantRecord>().AsNoTracking().ToDictionaryAsync(a => a.RequestId, cancellationToken)
            : [];
        var array = new JsonArray();
        foreach (var request in requests)
        {
            var node = JsonSerializer.SerializeToNode(request, Json)!.AsObject();
            node.Remove("Id");
            node["Applicant"] = applicants.TryGetValue(request.Id, out var applicant) ? JsonSerializer.SerializeToNode(applicant, Json) : null;
            foreach (var child in node["Consultations"]!.AsArray().Concat(node["Appeals"]!.AsArray()))
            {
                child!.AsObject().Remove("Id");
                child.AsObject().Remove("RequestId");
            }

            if (node["Applicant"] is JsonObject withApplicant)
            {
                withApplicant.Remove("RequestId");
            }

            array.Add(node);
        }

        await WriteJsonAsync(file, new JsonObject { ["personalData"] = includePersonalData, ["applications"] = array }, cancellationToken);
        return requests.Count;
    }

    private async Task<int> WriteAnnualReportsAsync(string file, CancellationToken cancellationToken)
    {
        var reports = await db.Set<AnnualReportRecord>().AsNoTracking().OrderBy(r => r.AgencyCode).ThenBy(r => r.Year).ToListAsync(cancellationToken);
        var array = new JsonArray();
        foreach (var report in reports)
        {
            var node = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
            node.Remove("Id");
            node.Remove("ConcurrencyStamp");
            array.Add(node);
        }

        await WriteJsonAsync(file, new JsonObject { ["annualReports"] = array }, cancellationToken);
        return reports.Count;
    }

    private static void Put(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    /// <summary>ISO 8601 in UTC, as the recipe reader reads times; the database keeps UTC without a kind.</summary>
    private static string? Time(DateTime? utc) =>
        utc is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture) : null;

    private static async Task WriteJsonAsync(string file, JsonNode node, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(file);
        await JsonSerializer.SerializeAsync(stream, node, Json, cancellationToken);
    }
}
