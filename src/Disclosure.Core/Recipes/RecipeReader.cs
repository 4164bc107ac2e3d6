using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Disclosure.Core.Calendar;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.IndexNumbers;
using Disclosure.Core.Organisation;
using Disclosure.Core.Settings;

namespace Disclosure.Core.Recipes;

/// <summary>
/// Reads a recipe file (and the content files a Content step points at) into a <see cref="Recipe"/>, checking
/// everything that can be checked without the database. Any problem throws a <see cref="RecipeException"/>
/// listing every error with its file and JSON path; nothing is returned half-read.
/// </summary>
public static partial class RecipeReader
{
    public const string SettingsStepName = "Settings";
    public const string AgenciesStepName = "Agencies";
    public const string CatalogueStepName = "Catalogue";
    public const string TopicsStepName = "Topics";
    public const string RolesStepName = "Roles";
    public const string ContentDefinitionStepName = "ContentDefinition";
    public const string ContentStepName = "Content";
    public const string CalendarStepName = "Calendar";

    private static readonly string[] StepNames =
        [SettingsStepName, AgenciesStepName, CatalogueStepName, TopicsStepName, RolesStepName, ContentDefinitionStepName, ContentStepName, CalendarStepName];

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a recipe that uses only the kernel's steps.</summary>
    public static Recipe ReadFile(string filePath) => ReadFile(filePath, []);

    /// <summary>Reads a recipe whose steps are the kernel's or those the installed modules read (<paramref name="moduleSteps"/>).</summary>
    public static Recipe ReadFile(string filePath, IEnumerable<IRecipeStepReader> moduleSteps)
    {
        var fullPath = System.IO.Path.GetFullPath(filePath);
        var errors = new List<RecipeError>();
        var recipe = Read(fullPath, moduleSteps.ToDictionary(s => s.StepName, StringComparer.Ordinal), errors);
        if (errors.Count > 0 || recipe is null)
        {
            throw new RecipeException(errors);
        }

        return recipe;
    }

    private static Recipe? Read(string file, IReadOnlyDictionary<string, IRecipeStepReader> moduleSteps, List<RecipeError> errors)
    {
        if (!File.Exists(file))
        {
            errors.Add(new RecipeError(file, "$", "文件不存在。"));
            return null;
        }

        using var document = Parse(file, errors);
        if (document is null)
        {
            return null;
        }

        var root = new JsonCursor(document.RootElement, "$", file, errors);
        if (!root.RequireObject())
        {
            return null;
        }

        var name = root.String("name", required: true) ?? string.Empty;
        var steps = new List<RecipeStep>();
        foreach (var step in root.Array("steps", required: true))
        {
            if (!step.RequireObject())
            {
                continue;
            }

            var stepName = step.String("name", required: true);
            RecipeStep? parsed = stepName switch
            {
                null => null,
                SettingsStepName => ReadSettings(step, moduleSteps.Values),
                AgenciesStepName => ReadAgencies(step),
                CatalogueStepName => ReadCatalogue(step),
                TopicsStepName => new TopicsStep(step.Path, step.StringArray("topics")),
                RolesStepName => ReadRoles(step),
                ContentDefinitionStepName => ReadContentDefinition(step),
                ContentStepName => ReadContent(step, file, errors),
                CalendarStepName => ReadCalendar(step, file, errors),
                _ when moduleSteps.TryGetValue(stepName, out var module) => module.Read(step, file, errors),
                _ => Unknown(step, stepName, moduleSteps.Keys),
            };
            if (parsed is not null)
            {
                steps.Add(parsed);
            }
        }

        return new Recipe(name, root.String("displayName"), root.String("description"), file, steps);
    }

    /// <summary>Parses a JSON file of a recipe (comments and trailing commas allowed), recording a syntax error in <paramref name="errors"/>.</summary>
    public static JsonDocument? Parse(string file, List<RecipeError> errors)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file), DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $"第 {l + 1} 行" : string.Empty;
            var column = ex.BytePositionInLine is { } c ? $"第 {c + 1} 字节" : string.Empty;
            errors.Add(new RecipeError(file, "$", $"不是有效的 JSON（{line}{column}）：{ex.Message}"));
            return null;
        }
    }

    private static RecipeStep? Unknown(JsonCursor step, string name, IEnumerable<string> moduleSteps)
    {
        step.Error($"未知的步骤“{name}”（可用：{string.Join("、", StepNames.Concat(moduleSteps))}）。");
        return null;
    }

    private static SettingsStep ReadSettings(JsonCursor step, IEnumerable<IRecipeStepReader> moduleSteps)
    {
        var settings = new Dictionary<string, string>();
        if (step.Property("settings") is { } node && node.RequireObject())
        {
            foreach (var property in node.Element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    settings[property.Name] = property.Value.GetString()!;
                }
                else
                {
                    node.Property(property.Name)?.Error("设置值应为字符串。");
                }
            }

            if (settings.TryGetValue("DefaultIndexNumberFormat", out var pattern) && !IndexNumberFormat.TryParse(pattern, out _, out var error))
            {
                node.Property("DefaultIndexNumberFormat")?.Error(error);
            }

            foreach (var (setting, message) in moduleSteps.SelectMany(m => m.CheckSettings(settings)))
            {
                node.Property(setting)?.Error(message);
            }
        }
        else
        {
            step.Error("缺少 settings 对象。");
        }

        return new SettingsStep(step.Path, settings);
    }

    /// <summary>
    /// An agency's <c>calendar</c>: its local days, <c>[{ "date": "2026-08-04", "kind": "holiday", "name": "那达慕", "source": "…" }]</c>
    /// with kind <c>holiday</c> (放假) or <c>workday</c> (调休上班). Whether a day changes anything is checked by the admin
    /// page against the calendar the agency inherits; a recipe states what it wants.
    /// </summary>
    private static List<AgencyCalendarDayDefinition> ReadAgencyCalendar(JsonCursor node)
    {
        var days = new List<AgencyCalendarDayDefinition>();
        foreach (var d in node.Array("calendar"))
        {
            if (!d.RequireObject())
            {
                continue;
            }

            var date = ReadCalendarDate(d, "date", required: true);
            var kindText = d.String("kind", required: true);
            CalendarDayKind? kind = kindText switch
            {
                null => null,
                "holiday" or "放假" => CalendarDayKind.Holiday,
                "workday" or "上班" or "调休上班" => CalendarDayKind.AdjustedWorkingDay,
                _ => null,
            };
            if (kindText is not null && kind is null)
            {
                d.Property("kind")!.Value.Error($"kind 应为 holiday（放假）或 workday（调休上班），实际是“{kindText}”。");
            }

            var name = d.String("name", required: true);
            if (name is not null && CalendarRules.CheckName(name) is { } nameError)
            {
                d.Property("name")!.Value.Error(nameError);
                name = null;
            }

            var source = d.String("source");
            if (CalendarRules.CheckSource(source) is { } sourceError)
            {
                d.Property("source")!.Value.Error(sourceError);
            }

            if (date is { } day && CalendarRules.CheckYear(day.Year) is { } yearError)
            {
                d.Property("date")!.Value.Error(yearError);
            }
            else if (date is { } dup && days.Any(x => x.Day.Date == dup))
            {
                d.Property("date")!.Value.Error($"{CalendarRules.Format(dup)} 在本机构的日历中重复。");
            }
            else if (date is { } on && kind is { } k && name is not null)
            {
                days.Add(new AgencyCalendarDayDefinition(new CalendarDay(on, k, name.Trim()), string.IsNullOrWhiteSpace(source) ? null : source.Trim()));
            }
        }

        return days;
    }

    private static AgenciesStep ReadAgencies(JsonCursor step)
    {
        var agencies = new List<AgencyDefinition>();
        var codes = new HashSet<string>();
        var parents = new List<(JsonCursor Node, string Code, string Parent)>();
        foreach (var node in step.Array("agencies", required: true))
        {
            if (!node.RequireObject())
            {
                continue;
            }

            var code = node.String("code", required: true);
            var name = node.String("name", required: true);
            var area = node.String("areaCode", required: true);
            var dept = node.String("departmentCode", required: true);
            var format = node.String("indexNumberFormat");
            if (format is not null && !IndexNumberFormat.TryParse(format, out _, out var formatError))
            {
                node.Property("indexNumberFormat")!.Value.Error(formatError);
            }

            if (code is not null && !codes.Add(code))
            {
                node.Property("code")!.Value.Error($"机构代码“{code}”重复。");
            }

            var departments = new List<DepartmentDefinition>();
            foreach (var d in node.Array("departments"))
            {
                var dCode = d.String("code", required: true);
                var dName = d.String("name", required: true);
                if (dCode is not null && departments.Any(x => x.Code == dCode))
                {
                    d.Property("code")!.Value.Error($"部门代码“{dCode}”在本机构内重复。");
                }
                else if (dCode is not null && dName is not null)
                {
                    departments.Add(new DepartmentDefinition(dCode, dName));
                }
            }

            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node.Property("settings") is { } settingsNode && settingsNode.RequireObject())
            {
                foreach (var property in settingsNode.Element.EnumerateObject())
                {
                    if (SiteIdentityFields.PerAgency.All(f => f.Key != property.Name) && AgencySiteFields.All.All(f => f.Key != property.Name))
                    {
                        settingsNode.Property(property.Name)?.Error(
                            $"“{property.Name}”不是机构可以单独设置的标识项（可用：{string.Join("、", SiteIdentityFields.PerAgency.Select(f => f.Key).Concat(AgencySiteFields.All.Select(f => f.Key)))}）。");
                    }
                    else if (property.Value.ValueKind == JsonValueKind.String && AgencySiteFields.All.Any(f => f.Key == property.Name)
                        && AgencySiteFields.Validate(new Dictionary<string, string?> { [property.Name] = property.Value.GetString() }).Errors.GetValueOrDefault(property.Name) is { } siteError)
                    {
                        // 独立域名, 主色调 …: the same checks as the agency form (uniqueness across agencies is checked when applied).
                        settingsNode.Property(property.Name)?.Error(siteError);
                    }
                    else if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        settingsNode.Property(property.Name)?.Error("设置值应为字符串。");
                    }
                    else
                    {
                        settings[property.Name] = property.Value.GetString()!;
                    }
                }
            }

            var calendar = ReadAgencyCalendar(node);
            var parent = node.String("parent");
            if (code is not null && parent is not null)
            {
                parents.Add((node, code, parent));
            }

            if (code is not null && name is not null && area is not null && dept is not null)
            {
                agencies.Add(new AgencyDefinition
                {
                    Code = code, Name = name, AreaCode = area, DepartmentCode = dept,
                    CreditCode = node.String("creditCode"), IndexNumberFormat = format, Departments = departments,
                    ParentCode = parent, Position = agencies.Count, Settings = settings, Calendar = calendar,
                    AcceptsOnlineRequests = node.Property("acceptsOnlineRequests") is null || node.Boolean("acceptsOnlineRequests"),
                });
            }
        }

        // A parent is another agency of the same step; a tree has no cycles (a chain of parents never returns).
        var parentOf = parents.ToDictionary(p => p.Code, p => p.Parent);
        foreach (var (node, code, parent) in parents)
        {
            if (!codes.Contains(parent))
            {
                node.Property("parent")!.Value.Error($"上级机构“{parent}”不在本步骤的机构中。");
                continue;
            }

            var seen = new HashSet<string> { code };
            for (var above = parent; above is not null; above = parentOf.GetValueOrDefault(above))
            {
                if (!seen.Add(above))
                {
                    node.Property("parent")!.Value.Error($"机构“{code}”的上级关系形成了循环。");
                    break;
                }
            }
        }

        return new AgenciesStep(step.Path, agencies);
    }

    private static CatalogueStep ReadCatalogue(JsonCursor step)
    {
        var classes = new List<CatalogueClassDefinition>();
        ReadCatalogueLevel(step.Array("classes", required: true), parent: null, classes);
        return new CatalogueStep(step.Path, classes);
    }

    private static void ReadCatalogueLevel(IEnumerable<JsonCursor> nodes, string? parent, List<CatalogueClassDefinition> classes)
    {
        var position = 0;
        foreach (var node in nodes)
        {
            if (!node.RequireObject())
            {
                continue;
            }

            var code = node.String("code", required: true);
            var name = node.String("name", required: true);
            if (code is not null && classes.Any(c => c.Code == code))
            {
                node.Property("code")!.Value.Error($"目录分类代码“{code}”重复。");
                continue;
            }

            if (code is not null && name is not null)
            {
                classes.Add(new CatalogueClassDefinition(code, name, parent, position++, node.String("description")));
                ReadCatalogueLevel(node.Array("children"), code, classes);
            }
        }
    }

    private static RolesStep ReadRoles(JsonCursor step)
    {
        var roles = new List<RoleDefinition>();
        foreach (var node in step.Array("roles", required: true))
        {
            var name = node.String("name", required: true);
            var displayName = node.String("displayName", required: true);
            if (name is not null && !IdentifierRegex().IsMatch(name))
            {
                node.Property("name")!.Value.Error($"角色名“{name}”应为以大写字母开头的英文标识符。");
            }
            else if (name is not null && roles.Any(r => r.Name == name))
            {
                node.Property("name")!.Value.Error($"角色“{name}”重复。");
            }
            else if (name is not null && displayName is not null)
            {
                roles.Add(new RoleDefinition(name, displayName));
            }
        }

        return new RolesStep(step.Path, roles);
    }

    private static ContentDefinitionStep ReadContentDefinition(JsonCursor step)
    {
        var types = new List<ContentTypeDefinition>();
        foreach (var node in step.Array("contentTypes", required: true))
        {
            if (!node.RequireObject())
            {
                continue;
            }

            var name = node.String("name", required: true);
            var displayName = node.String("displayName", required: true);
            if (name is not null && !IdentifierRegex().IsMatch(name))
            {
                node.Property("name")!.Value.Error($"内容类型名“{name}”应为以大写字母开头的英文标识符。");
                name = null;
            }
            else if (name is not null && (types.Any(t => t.Name == name) || BuiltInParts.TryGet(name, out _)))
            {
                node.Property("name")!.Value.Error($"内容类型名“{name}”重复或与内置部件同名。");
                name = null;
            }

            var parts = new List<string>();
            foreach (var part in node.Array("parts"))
            {
                var partName = part.Element.ValueKind == JsonValueKind.String ? part.Element.GetString()! : null;
                if (partName is null || !BuiltInParts.TryGet(partName, out _))
                {
                    part.Error($"未知的部件 {JsonCursor.Describe(part.Element)}（可用：{string.Join("、", BuiltInParts.Names)}）。");
                }
                else if (!parts.Contains(partName))
                {
                    parts.Add(partName);
                }
            }

            var fields = new List<ContentFieldDefinition>();
            foreach (var fieldNode in node.Array("fields"))
            {
                if (ReadField(fieldNode) is { } field)
                {
                    if (fields.Any(f => f.Name == field.Name))
                    {
                        fieldNode.Property("name")!.Value.Error($"字段名“{field.Name}”重复。");
                    }
                    else
                    {
                        fields.Add(field);
                    }
                }
            }

            var channels = ReadChannels(node);
            if (name is not null && displayName is not null)
            {
                types.Add(new ContentTypeDefinition
                {
                    Name = name, DisplayName = displayName, Description = node.String("description"),
                    Parts = parts, Fields = fields, DefaultCatalogue = node.String("defaultCatalogue"),
                    ReviewChain = node.String("reviewChain"), Channels = channels,
                });
            }
        }

        return new ContentDefinitionStep(step.Path, types);
    }

    /// <summary>The type's 发布渠道: known names, each once.</summary>
    private static List<string> ReadChannels(JsonCursor node)
    {
        var channels = new List<string>();
        foreach (var channel in node.Array("channels"))
        {
            var channelName = channel.Element.ValueKind == JsonValueKind.String ? channel.Element.GetString()! : null;
            if (channelName is null || !ChannelNames.IsKnown(channelName))
            {
                channel.Error($"未知的发布渠道 {JsonCursor.Describe(channel.Element)}（可用：{string.Join("、", ChannelNames.All.Select(c => $"{c}（{ChannelNames.DisplayName(c)}）"))}）。");
            }
            else if (channels.Contains(channelName))
            {
                channel.Error($"发布渠道“{channelName}”重复。");
            }
            else
            {
                channels.Add(channelName);
            }
        }

        return channels;
    }

    private static ContentFieldDefinition? ReadField(JsonCursor node)
    {
        if (!node.RequireObject())
        {
            return null;
        }

        var name = node.String("name", required: true);
        var displayName = node.String("displayName", required: true);
        var typeName = node.String("type", required: true);
        if (name is not null && !IdentifierRegex().IsMatch(name))
        {
            node.Property("name")!.Value.Error($"字段名“{name}”应为以大写字母开头的英文标识符。");
            return null;
        }

        FieldType type = default;
        if (typeName is not null && (!Enum.TryParse(typeName, ignoreCase: false, out type) || !Enum.IsDefined(type) || int.TryParse(typeName, out _)))
        {
            node.Property("type")!.Value.Error($"未知的字段类型“{typeName}”（可用：{string.Join("、", Enum.GetNames<FieldType>())}）。");
            return null;
        }

        var options = node.StringArray("options");
        var columns = node.StringArray("columns");
        var min = node.Number("min");
        var max = node.Number("max");
        var maxLength = node.Number("maxLength");
        var scale = node.Number("scale") ?? 0;
        if (type == FieldType.Choice && options.Count == 0)
        {
            node.Error("选项字段（Choice）必须提供 options。");
        }

        if (type == FieldType.Table && columns.Count == 0)
        {
            node.Error("表格字段（Table）必须提供 columns。");
        }

        if (min is not null && max is not null && min > max)
        {
            node.Error($"min（{min}）不能大于 max（{max}）。");
        }

        if (scale is < 0 or > 6 || scale != decimal.Truncate(scale))
        {
            node.Property("scale")!.Value.Error("scale 应为 0 到 6 之间的整数。");
        }

        if (maxLength is not null && (maxLength <= 0 || maxLength != decimal.Truncate(maxLength.Value)))
        {
            node.Property("maxLength")!.Value.Error("maxLength 应为正整数。");
        }

        if (name is null || displayName is null || typeName is null)
        {
            return null;
        }

        return new ContentFieldDefinition
        {
            Name = name,
            DisplayName = displayName,
            Type = type,
            Required = node.Boolean("required"),
            Multiple = node.Boolean("multiple"),
            MaxLength = maxLength is null ? null : (int)maxLength.Value,
            Min = min,
            Max = max,
            Scale = (int)scale,
            Options = options,
            Columns = columns,
            ContentTypes = node.StringArray("contentTypes"),
            Hint = node.String("hint"),
        };
    }

    private static ContentStep? ReadContent(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var source = step.String("source", required: true);
        if (source is null)
        {
            return null;
        }

        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(recipeFile)!, source));
        if (!Directory.Exists(folder))
        {
            step.Property("source")!.Value.Error($"内容目录“{folder}”不存在。");
            return null;
        }

        var items = new List<ContentImportItem>();
        var ids = new Dictionary<string, string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (ReadContentFile(file, errors) is not { } item)
            {
                continue;
            }

            if (ids.TryGetValue(item.Id, out var other))
            {
                errors.Add(new RecipeError(file, "$.id", $"内容编号“{item.Id}”与 {other} 重复。"));
                continue;
            }

            ids[item.Id] = file;
            items.Add(item);
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (step.Property("indexNumberCounters") is { } countersNode && countersNode.RequireObject())
        {
            foreach (var property in countersNode.Element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var value) && value >= 0)
                {
                    counters[property.Name] = value;
                }
                else
                {
                    countersNode.Property(property.Name)?.Error("索引号计数应为非负整数。");
                }
            }
        }

        string? mediaFolder = null;
        if (step.String("media") is { } media)
        {
            mediaFolder = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(recipeFile)!, media));
            if (!Directory.Exists(mediaFolder))
            {
                step.Property("media")!.Value.Error($"附件目录“{mediaFolder}”不存在。");
            }
        }

        return new ContentStep(step.Path, folder, items) { IndexNumberCounters = counters, MediaFolder = mediaFolder };
    }

    private static ContentImportItem? ReadContentFile(string file, List<RecipeError> errors)
    {
        using var document = Parse(file, errors);
        if (document is null)
        {
            return null;
        }

        var root = new JsonCursor(document.RootElement, "$", file, errors);
        if (!root.RequireObject())
        {
            return null;
        }

        var id = root.String("id", required: true);
        if (id is not null && !ContentItemIds.IsValid(id))
        {
            root.Property("id")!.Value.Error($"内容编号“{id}”无效：{ContentItemIds.Rule}");
            id = null;
        }

        var type = root.String("type", required: true);
        var publishedAt = ReadTime(root, "publishedAt");
        DateTimeOffset? withdrawnAt = null;
        string? withdrawReason = null;
        if (root.Property("withdrawn") is { } withdrawn && withdrawn.RequireObject())
        {
            withdrawnAt = ReadTime(withdrawn, "at");
            withdrawReason = withdrawn.String("reason", required: true);
            if (withdrawnAt is null)
            {
                withdrawn.Error("撤回记录必须包含撤回时间 at。");
            }
            else if (publishedAt is null || withdrawnAt < publishedAt)
            {
                withdrawn.Error("撤回时间必须晚于发布时间（publishedAt）。");
            }
        }

        var versions = root.Property("versions") is null ? null : ReadVersions(root);
        var data = root.Property("data");
        if (data is null && versions is null)
        {
            root.Error("缺少内容数据 data。");
            return null;
        }

        if ((data is { } d && !d.RequireObject()) || id is null || type is null)
        {
            return null;
        }

        if (versions is not null && (versions.Count == 0 || publishedAt is not null || withdrawnAt is not null))
        {
            root.Property("versions")!.Value.Error(versions.Count == 0
                ? "versions 不能为空。"
                : "有 versions 时，发布和撤回记录写在各版本中，不用 publishedAt 和 withdrawn。");
            return null;
        }

        return new ContentImportItem
        {
            Id = id,
            ContentType = type,
            Data = versions is { Count: > 0 } ? versions[^1].Data : new ContentData(JsonNode.Parse(data!.Value.Element.GetRawText())!.AsObject()),
            SourceFile = file,
            Department = root.String("department"),
            PublishedAt = publishedAt,
            WithdrawnAt = withdrawnAt,
            WithdrawReason = withdrawReason,
            IndexNumber = root.String("indexNumber"),
            CreatedAt = ReadTime(root, "createdAt"),
            CreatedBy = root.String("createdBy"),
            Versions = versions,
        };
    }

    /// <summary>
    /// An item's history (an export): <c>"versions": [{ "number": 1, "status": "Archived", "data": {…}, "createdAt": …,
    /// "publishedAt": …, … }]</c>, numbered 1, 2, 3 … in order, at most one of them 已发布.
    /// </summary>
    private static List<ContentImportVersion>? ReadVersions(JsonCursor root)
    {
        var versions = new List<ContentImportVersion>();
        var valid = true;
        foreach (var node in root.Array("versions"))
        {
            if (!node.RequireObject())
            {
                valid = false;
                continue;
            }

            var number = node.Number("number");
            var statusText = node.String("status", required: true);
            var data = node.Property("data");
            if (number != versions.Count + 1)
            {
                node.Error($"版本号应为 {versions.Count + 1}（从 1 起按顺序）。");
                valid = false;
                continue;
            }

            if (!Enum.TryParse<ContentStatus>(statusText, ignoreCase: false, out var status) || !Enum.IsDefined(status))
            {
                node.Property("status")?.Error($"版本状态“{statusText}”无效（可用：{string.Join("、", Enum.GetNames<ContentStatus>())}）。");
                valid = false;
                continue;
            }

            if (data is null || !data.Value.RequireObject())
            {
                if (data is null)
                {
                    node.Error("缺少内容数据 data。");
                }

                valid = false;
                continue;
            }

            versions.Add(new ContentImportVersion
            {
                Number = (int)number.Value,
                Status = status,
                Data = new ContentData(JsonNode.Parse(data.Value.Element.GetRawText())!.AsObject()),
                CreatedAt = ReadTime(node, "createdAt"),
                CreatedBy = node.String("createdBy"),
                ScheduledAt = ReadTime(node, "scheduledAt"),
                PublishedAt = ReadTime(node, "publishedAt"),
                PublishedBy = node.String("publishedBy"),
                WithdrawnAt = ReadTime(node, "withdrawnAt"),
                WithdrawnBy = node.String("withdrawnBy"),
                WithdrawReason = node.String("withdrawReason"),
            });
        }

        if (versions.Count(v => v.Status == ContentStatus.Published) > 1)
        {
            root.Property("versions")!.Value.Error("至多一个版本为已发布（Published）。");
            valid = false;
        }

        return valid ? versions : null;
    }

    private static DateTimeOffset? ReadTime(JsonCursor node, string name)
    {
        var text = node.String(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && text.Contains('T'))
        {
            return time;
        }

        node.Property(name)!.Value.Error($"时间“{text}”无效，应为 ISO 8601 格式，例如 2017-03-29T10:00:00+08:00。");
        return null;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,63}$")]
    private static partial Regex IdentifierRegex();
}
