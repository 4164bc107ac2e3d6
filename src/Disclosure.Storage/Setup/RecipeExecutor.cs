using System.Security.Cryptography;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Recipes;
using Disclosure.Core.Tables;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Setup;

/// <summary>
/// Applies recipes to the database, all of them in one transaction: either every step of every recipe is
/// applied or, on the first error, nothing is. Steps are upserts keyed by code or name, and imported content is
/// keyed by its stable id, so applying the same recipes again changes nothing.
/// </summary>
public sealed class RecipeExecutor(
    DisclosureDbContext db, ContentDefinitionStore definitions, ContentManager contentManager, CalendarStore calendar, IEnumerable<IRecipeStepHandler> moduleSteps, TimeProvider clock,
    StorageOptions storage)
{
    /// <summary>The user imported content is created, published and withdrawn as.</summary>
    public const string ImportUser = "setup";

    public async Task ApplyAsync(IReadOnlyList<Recipe> recipes, CancellationToken cancellationToken = default)
    {
        CheckReferences(recipes);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var recipe in recipes)
            {
                foreach (var step in recipe.Steps)
                {
                    await ApplyStepAsync(step, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }

                db.RecipeExecutions.Add(new RecipeExecution
                {
                    RecipeName = recipe.Name,
                    Hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(recipe.FilePath, cancellationToken))),
                    ExecutedUtc = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            definitions.Invalidate();
            throw;
        }
    }

    /// <summary>References between steps (and recipes) that can be checked before touching the database, the modules' included.</summary>
    private void CheckReferences(IReadOnlyList<Recipe> recipes)
    {
        var errors = new List<RecipeError>();
        var typeNames = recipes.SelectMany(r => r.Steps).OfType<ContentDefinitionStep>().SelectMany(s => s.ContentTypes).Select(t => t.Name).ToHashSet();
        var catalogue = recipes.SelectMany(r => r.Steps).OfType<CatalogueStep>().SelectMany(s => s.Classes).Select(c => c.Code).ToHashSet();
        foreach (var recipe in recipes)
        {
            foreach (var step in recipe.Steps.OfType<ContentDefinitionStep>())
            {
                for (var t = 0; t < step.ContentTypes.Count; t++)
                {
                    var type = step.ContentTypes[t];
                    var typePath = $"{step.Path}.contentTypes[{t}]";
                    if (type.DefaultCatalogue is { } code && catalogue.Count > 0 && !catalogue.Contains(code))
                    {
                        errors.Add(new RecipeError(recipe.FilePath, $"{typePath}.defaultCatalogue", $"目录分类“{code}”不存在。"));
                    }

                    for (var f = 0; f < type.Fields.Count; f++)
                    {
                        foreach (var target in type.Fields[f].ContentTypes.Where(n => !typeNames.Contains(n)))
                        {
                            errors.Add(new RecipeError(recipe.FilePath, $"{typePath}.fields[{f}].contentTypes", $"引用的内容类型“{target}”不存在。"));
                        }
                    }
                }
            }
        }

        errors.AddRange(moduleSteps.SelectMany(handler => handler.CheckReferences(recipes)));
        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }
    }

    private Task ApplyStepAsync(RecipeStep step, CancellationToken cancellationToken) => step switch
    {
        SettingsStep settings => ApplySettingsAsync(settings, cancellationToken),
        AgenciesStep agencies => ApplyAgenciesAsync(agencies, cancellationToken),
        CatalogueStep catalogue => ApplyCatalogueAsync(catalogue, cancellationToken),
        TopicsStep topics => ApplyTopicsAsync(topics, cancellationToken),
        RolesStep roles => ApplyRolesAsync(roles, cancellationToken),
        ContentDefinitionStep types => ApplyContentDefinitionAsync(types, cancellationToken),
        ContentStep content => ImportContentAsync(content, cancellationToken),
        CalendarStep days => ApplyCalendarAsync(days, cancellationToken),
        _ => moduleSteps.FirstOrDefault(h => h.StepType == step.GetType())?.ApplyAsync(step, cancellationToken)
            ?? throw new InvalidOperationException($"No handler for recipe step {step.GetType().Name}."),
    };

    private async Task ApplySettingsAsync(SettingsStep step, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in step.Settings)
        {
            var setting = await db.SiteSettings.FindAsync([name], cancellationToken);
            if (setting is null)
            {
                db.SiteSettings.Add(new SiteSetting { Name = name, Value = value });
            }
            else
            {
                setting.Value = value;
            }
        }
    }

    private async Task ApplyAgenciesAsync(AgenciesStep step, CancellationToken cancellationToken)
    {
        foreach (var definition in step.Agencies)
        {
            var agency = await db.Agencies.FindAsync([definition.Code], cancellationToken);
            if (agency is null)
            {
                agency = new AgencyRecord { Code = definition.Code, Name = definition.Name, AreaCode = definition.AreaCode, DepartmentCode = definition.DepartmentCode };
                db.Agencies.Add(agency);
            }

            agency.Name = definition.Name;
            agency.AreaCode = definition.AreaCode;
            agency.DepartmentCode = definition.DepartmentCode;
            agency.CreditCode = definition.CreditCode;
            agency.IndexNumberFormat = definition.IndexNumberFormat;
            agency.ParentCode = definition.ParentCode;
            agency.Position = definition.Position;
            agency.AcceptsOnlineRequests = definition.AcceptsOnlineRequests;

            // The agency's own identity values (a recipe is not a 台账 action; /admin/agencies edits them afterwards).
            foreach (var (name, value) in definition.Settings)
            {
                var setting = await db.AgencySettings.FindAsync([definition.Code, name], cancellationToken);
                if (setting is null)
                {
                    db.AgencySettings.Add(new AgencySettingRecord { AgencyCode = definition.Code, Name = name, Value = value });
                }
                else
                {
                    setting.Value = value;
                }
            }

            if (definition.Calendar.Count > 0)
            {
                await calendar.ApplyRecipeAgencyDaysAsync(definition.Code, definition.Calendar, cancellationToken);
            }

            foreach (var d in definition.Departments)
            {
                var department = await db.Departments.SingleOrDefaultAsync(x => x.AgencyCode == definition.Code && x.Code == d.Code, cancellationToken);
                if (department is null)
                {
                    db.Departments.Add(new DepartmentRecord { AgencyCode = definition.Code, Code = d.Code, Name = d.Name });
                }
                else
                {
                    department.Name = d.Name;
                }
            }
        }
    }

    private async Task ApplyCatalogueAsync(CatalogueStep step, CancellationToken cancellationToken)
    {
        foreach (var definition in step.Classes)
        {
            var record = await db.CatalogueClasses.FindAsync([definition.Code], cancellationToken);
            if (record is null)
            {
                record = new CatalogueClassRecord { Code = definition.Code, Name = definition.Name };
                db.CatalogueClasses.Add(record);
            }

            record.Name = definition.Name;
            record.ParentCode = definition.ParentCode;
            record.Position = definition.Position;
            record.Description = definition.Description;
        }
    }

    private async Task ApplyTopicsAsync(TopicsStep step, CancellationToken cancellationToken)
    {
        for (var i = 0; i < step.Topics.Count; i++)
        {
            var record = await db.Topics.FindAsync([step.Topics[i]], cancellationToken);
            if (record is null)
            {
                db.Topics.Add(new TopicRecord { Name = step.Topics[i], Position = i });
            }
            else
            {
                record.Position = i;
            }
        }
    }

    private async Task ApplyRolesAsync(RolesStep step, CancellationToken cancellationToken)
    {
        foreach (var definition in step.Roles)
        {
            // The same normalisation ASP.NET Core Identity's default lookup normaliser applies.
            var normalized = definition.Name.ToUpperInvariant();
            var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
            if (role is null)
            {
                db.Roles.Add(new DisclosureRole
                {
                    Id = Guid.NewGuid().ToString(),
                    Name = definition.Name,
                    NormalizedName = normalized,
                    DisplayName = definition.DisplayName,
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                });
            }
            else
            {
                role.DisplayName = definition.DisplayName;
            }
        }
    }

    private async Task ApplyContentDefinitionAsync(ContentDefinitionStep step, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var definition in step.ContentTypes)
        {
            var json = ContentDefinitionStore.Serialize(definition);
            var record = await db.ContentTypes.FindAsync([definition.Name], cancellationToken);
            if (record is null)
            {
                db.ContentTypes.Add(new ContentTypeRecord { Name = definition.Name, DisplayName = definition.DisplayName, DefinitionJson = json, UpdatedUtc = now });
            }
            else if (record.DefinitionJson != json || record.DisplayName != definition.DisplayName)
            {
                record.DisplayName = definition.DisplayName;
                record.DefinitionJson = json;
                record.UpdatedUtc = now;
            }
        }

        definitions.Invalidate();
    }

    private async Task ApplyCalendarAsync(CalendarStep step, CancellationToken cancellationToken)
    {
        foreach (var year in step.Years)
        {
            await calendar.ApplyRecipeYearAsync(year, cancellationToken);
        }
    }

    /// <summary>
    /// Copies an export's attachment files into the site's media folder under the same relative paths. A file already
    /// there is kept (applying a recipe again changes nothing); one with the same name but other bytes stops the import,
    /// as an item would otherwise show someone else's file. Files are not part of the transaction: a failed import
    /// leaves at most unreferenced copies behind.
    /// </summary>
    private static void CopyMedia(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var target = Path.Combine(to, relative);
            if (File.Exists(target))
            {
                if (!File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
                {
                    throw new RecipeException([new RecipeError(file, "$", $"站点已有同名但内容不同的附件“{relative}”，未导入。")]);
                }

                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// Imports content items that do not exist yet. Every item is validated first (against types and lists
    /// possibly created by earlier steps of this same transaction); any error aborts the whole recipe run.
    /// </summary>
    private async Task ImportContentAsync(ContentStep step, CancellationToken cancellationToken)
    {
        var types = await definitions.GetTypesAsync(cancellationToken);
        var existing = (await db.ContentItems.Select(i => i.ContentItemId).ToListAsync(cancellationToken)).ToHashSet();
        var pending = step.Items.Where(i => !existing.Contains(i.Id)).ToList();
        var pendingTypes = pending.ToDictionary(i => i.Id, i => i.ContentType);
        var context = await contentManager.BuildValidationContextAsync(pendingTypes, cancellationToken);

        var errors = new List<RecipeError>();
        foreach (var item in pending)
        {
            if (!types.TryGetValue(item.ContentType, out var type))
            {
                errors.Add(new RecipeError(item.SourceFile, "$.type", $"内容类型“{item.ContentType}”不存在。"));
                continue;
            }

            foreach (var error in Core.ContentManagement.Validation.ContentValidator.Validate(type, item.Data, context))
            {
                errors.Add(new RecipeError(item.SourceFile, "$.data." + error.Path, error.Message));
            }
        }

        errors.AddRange(await CheckKeptIndexNumbersAsync(pending, cancellationToken));
        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }

        // An export's items come with their whole history and their 索引号: written as they were.
        foreach (var item in pending.Where(i => i.Versions is not null))
        {
            foreach (var version in item.Versions!.SkipLast(1))
            {
                foreach (var error in Core.ContentManagement.Validation.ContentValidator.Validate(types[item.ContentType], version.Data, context))
                {
                    errors.Add(new RecipeError(item.SourceFile, $"$.versions[{version.Number - 1}].data." + error.Path, error.Message));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }

        foreach (var item in pending.Where(i => i.Versions is not null))
        {
            await contentManager.ImportHistoryAsync(item, types[item.ContentType], cancellationToken);
        }

        foreach (var (scope, value) in step.IndexNumberCounters)
        {
            await Counters.RaiseAsync(db, Counters.IndexNumberScope(scope), value, cancellationToken);
        }

        if (step.MediaFolder is { } media)
        {
            CopyMedia(media, Path.Combine(storage.DataFolder, "media"));
        }

        pending = pending.Where(i => i.Versions is null).ToList();

        // Items are created first, publications then replayed in time order, so 索引号 follow publication order. An
        // item brought from an earlier system with the 索引号 it was published under (the customer's seed documents, a
        // migration) keeps it: publication only allocates a number to an item that has none.
        foreach (var item in pending)
        {
            var created = await contentManager.CreateAsync(item.ContentType, item.Data, ImportUser, item.Department, item.Id, context, cancellationToken);
            if (!string.IsNullOrWhiteSpace(item.IndexNumber))
            {
                created.Item.IndexNumber = item.IndexNumber.Trim();
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        foreach (var item in pending.Where(i => i.PublishedAt is not null).OrderBy(i => i.PublishedAt))
        {
            await contentManager.PublishAsync(item.Id, null, ImportUser, item.PublishedAt, cancellationToken: cancellationToken);
        }

        foreach (var item in pending.Where(i => i.WithdrawnAt is not null).OrderBy(i => i.WithdrawnAt))
        {
            await contentManager.WithdrawAsync(item.Id, item.WithdrawReason!, ImportUser, item.WithdrawnAt, cancellationToken);
        }
    }

    /// <summary>
    /// The 索引号 that imported items keep: only on an item that is published (it is assigned at publication), at
    /// most 100 characters on one line, and used by no other item, in this import or on the site, since a 索引号 is
    /// never reused.
    /// </summary>
    private async Task<List<RecipeError>> CheckKeptIndexNumbersAsync(List<ContentImportItem> pending, CancellationToken cancellationToken)
    {
        var errors = new List<RecipeError>();
        var kept = pending.Where(i => !string.IsNullOrWhiteSpace(i.IndexNumber)).ToList();
        if (kept.Count == 0)
        {
            return errors;
        }

        var numbers = kept.Select(i => i.IndexNumber!.Trim()).ToList();
        var taken = (await db.ContentItems.Where(i => i.IndexNumber != null && numbers.Contains(i.IndexNumber))
            .Select(i => new { i.IndexNumber, i.ContentItemId }).ToListAsync(cancellationToken)).ToDictionary(i => i.IndexNumber!, i => i.ContentItemId);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in kept)
        {
            var number = item.IndexNumber!.Trim();
            var error = item.Versions is null && item.PublishedAt is null ? "索引号在发布时分配，未发布的内容不能带索引号。"
                : number.Length > 100 || number.Any(char.IsControl) ? "索引号不能超过 100 个字符，也不能换行。"
                : taken.TryGetValue(number, out var owner) ? $"索引号“{number}”已被内容“{owner}”使用，索引号不能重复。"
                : seen.TryGetValue(number, out var other) ? $"索引号“{number}”与 {other} 重复。"
                : null;
            if (error is not null)
            {
                errors.Add(new RecipeError(item.SourceFile, "$.indexNumber", error));
            }

            seen.TryAdd(number, item.SourceFile);
        }

        return errors;
    }
}
