using Disclosure.Core.Recipes;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Services;
using Disclosure.Storage;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Recipes;

/// <summary>Applies a <see cref="CaseKindsStep"/>: each kind upserted by code, in the recipe's order.</summary>
internal sealed class CaseKindsStepHandler(CaseKindStore kinds) : RecipeStepHandler<CaseKindsStep>
{
    protected override async Task ApplyAsync(CaseKindsStep step, CancellationToken cancellationToken)
    {
        for (var i = 0; i < step.Kinds.Count; i++)
        {
            await kinds.SaveAsync(step.Kinds[i], i, cancellationToken);
        }
    }
}

/// <summary>
/// Applies a <see cref="CasesStep"/> through <see cref="CaseRegistry"/> (so the demo's cases pass the same checks as
/// any other), then dates each event's visibility as the recipe says, and hands the issued 查询码 to
/// <see cref="SetupNotices"/>. A case already registered is left as it is.
/// </summary>
internal sealed class CasesStepHandler(CaseRegistry registry, DisclosureDbContext db, SetupNotices notices) : RecipeStepHandler<CasesStep>
{
    public const string Actor = "setup";

    /// <summary>
    /// Case kinds must be defined by the recipes applied with these (when none of them defines any, the kinds come from
    /// an earlier setup, and registering a case of an unknown kind fails when the step is applied).
    /// </summary>
    public override IEnumerable<RecipeError> CheckReferences(IReadOnlyList<Recipe> recipes)
    {
        var kinds = recipes.SelectMany(r => r.Steps).OfType<CaseKindsStep>().SelectMany(s => s.Kinds).Select(k => k.Code).ToHashSet();
        foreach (var recipe in recipes)
        {
            foreach (var step in recipe.Steps.OfType<CasesStep>())
            {
                for (var i = 0; i < step.Cases.Count; i++)
                {
                    if (kinds.Count > 0 && !kinds.Contains(step.Cases[i].Case.Kind))
                    {
                        yield return new RecipeError(recipe.FilePath, $"{step.Path}.cases[{i}].kind", $"案件类别“{step.Cases[i].Case.Kind}”不存在。");
                    }
                }
            }
        }
    }

    protected override async Task ApplyAsync(CasesStep step, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var recipeCase in step.Cases)
        {
            if (await db.Set<EnforcementCaseRecord>().AnyAsync(c => c.Number == recipeCase.Case.Number, cancellationToken))
            {
                continue;
            }

            var registered = await registry.RegisterAsync(recipeCase.Case, Actor, cancellationToken);
            if (recipeCase.Events.Count > 0)
            {
                await registry.RecordEventsAsync(recipeCase.Events.Select(e => e.Event).ToList(), null, Actor, cancellationToken: cancellationToken);
            }

            await DateVisibilityAsync(registered.Id, recipeCase, cancellationToken);
            for (var p = 0; p < registered.Codes.Count; p++)
            {
                var party = recipeCase.Case.Parties[p];
                var tail = Models.CaseText.Tail(party.Phone ?? party.IdNumber);
                lines.Add($"{registered.Number}  {registered.Codes[p].RoleName}  查询码 {registered.Codes[p].Code}  后四位 {tail}");
            }
        }

        if (lines.Count > 0)
        {
            notices.Add("执法公开演示案件的当事人查询码（/enforcement/query）", lines);
        }
    }

    /// <summary>Events the recipe dates (visibleOn) became visible that day at 10:00 Beijing time; the opening event on its day.</summary>
    private async Task DateVisibilityAsync(long caseId, RecipeCase recipeCase, CancellationToken cancellationToken)
    {
        var events = await db.Set<CaseEventRecord>().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        events[0].VisibleUtc = At(recipeCase.Case.AcceptedOn);
        for (var i = 0; i < recipeCase.Events.Count && i + 1 < events.Count; i++)
        {
            var planned = recipeCase.Events[i];
            events[i + 1].VisibleUtc = planned.Held ? null : At(planned.VisibleOn ?? planned.Event.FormedOn);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTime At(DateOnly date) => date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) - ChinaTime.Offset;
}
