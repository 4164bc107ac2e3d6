using Disclosure.Core.Recipes;
using Disclosure.Enforcement.Models;

namespace Disclosure.Enforcement.Recipes;

/// <summary>The office's case kinds, their events and party roles (<see cref="CaseKindDefinition"/>).</summary>
public sealed record CaseKindsStep(string Path, IReadOnlyList<CaseKindDefinition> Kinds) : RecipeStep(Path);

/// <summary>Cases with their parties and events (the demo's fictional cases).</summary>
public sealed record CasesStep(string Path, IReadOnlyList<RecipeCase> Cases) : RecipeStep(Path);

/// <summary>A case of a <see cref="CasesStep"/>: the registration and then its events in order.</summary>
public sealed record RecipeCase(NewCase Case, IReadOnlyList<RecipeCaseEvent> Events);

/// <summary>An event of a recipe case; <see cref="VisibleOn"/> null with <see cref="Held"/> false means visible at setup.</summary>
public sealed record RecipeCaseEvent(NewCaseEvent Event, DateOnly? VisibleOn, bool Held);

/// <summary>
/// The <c>EnforcementCaseKinds</c> step:
/// <code>
/// { "name": "EnforcementCaseKinds", "kinds": [ { "code": "criminal", "name": "刑事案件", "rights": "……",
///   "events": [ { "code": "accepted", "name": "受案", "document": "受案回执", "opening": true },
///               { "code": "coercive-measure", "name": "采取刑事强制措施", "document": "拘留通知书", "detailLabel": "强制措施种类" } ],
///   "roles": [ { "code": "victim", "name": "被害人或其家属", "sees": [ "accepted", "coercive-measure" ] } ] } ] }
/// </code>
/// Each kind needs exactly one opening event; a role may only see events of its kind.
/// </summary>
public sealed class CaseKindsStepReader : IRecipeStepReader
{
    public const string StepNameValue = "EnforcementCaseKinds";

    public string StepName => StepNameValue;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var kinds = new List<CaseKindDefinition>();
        foreach (var node in step.Array("kinds", required: true))
        {
            var code = node.String("code", required: true);
            var name = node.String("name", required: true);
            var rights = node.String("rights", required: true);
            var events = new List<CaseEventType>();
            foreach (var e in node.Array("events", required: true))
            {
                var eventCode = e.String("code", required: true);
                var eventName = e.String("name", required: true);
                var document = e.String("document", required: true);
                if (eventCode is not null && events.Any(x => x.Code == eventCode))
                {
                    e.Property("code")!.Value.Error($"办理环节“{eventCode}”重复。");
                }
                else if (eventCode is not null && eventName is not null && document is not null)
                {
                    events.Add(new CaseEventType { Code = eventCode, Name = eventName, Document = document, DetailLabel = e.String("detailLabel"), Opening = e.Boolean("opening") });
                }
            }

            if (events.Count(e => e.Opening) != 1)
            {
                node.Error("每类案件须有且只有一个开始环节（opening，如受案、受理）。");
            }

            var roles = new List<PartyRole>();
            foreach (var r in node.Array("roles", required: true))
            {
                var roleCode = r.String("code", required: true);
                var roleName = r.String("name", required: true);
                var sees = r.StringArray("sees");
                foreach (var unknown in sees.Where(s => events.All(e => e.Code != s)))
                {
                    r.Property("sees")!.Value.Error($"“{unknown}”不是本类案件的办理环节。");
                }

                if (roleCode is not null && roles.Any(x => x.Code == roleCode))
                {
                    r.Property("code")!.Value.Error($"当事人身份“{roleCode}”重复。");
                }
                else if (roleCode is not null && roleName is not null)
                {
                    roles.Add(new PartyRole { Code = roleCode, Name = roleName, Sees = sees.ToHashSet(StringComparer.Ordinal) });
                }
            }

            if (code is not null && kinds.Any(k => k.Code == code))
            {
                node.Property("code")!.Value.Error($"案件类别“{code}”重复。");
            }
            else if (code is not null && name is not null && rights is not null && events.Count > 0 && roles.Count > 0)
            {
                kinds.Add(new CaseKindDefinition { Code = code, Name = name, Rights = rights, Events = events, Roles = roles });
            }
        }

        return new CaseKindsStep(step.Path, kinds);
    }
}

/// <summary>
/// The <c>EnforcementCases</c> step (the demo's fictional cases); each party gets a fresh 查询码, printed once on the
/// first start's console:
/// <code>
/// { "name": "EnforcementCases", "cases": [ { "number": "A6401215100002026010012", "kind": "criminal", "unit": "……",
///   "unitContact": "……", "acceptedOn": "2026-09-28", "parties": [ { "role": "victim", "name": "……", "phone": "……" } ],
///   "events": [ { "type": "filed", "formedOn": "2026-09-30", "documentNumber": "……", "visibleOn": "2026-10-09" },
///               { "type": "solved", "formedOn": "2026-11-20", "held": true } ] } ] }
/// </code>
/// </summary>
public sealed class CasesStepReader : IRecipeStepReader
{
    public const string StepNameValue = "EnforcementCases";

    public string StepName => StepNameValue;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var cases = new List<RecipeCase>();
        foreach (var node in step.Array("cases", required: true))
        {
            var number = node.String("number", required: true);
            var kind = node.String("kind", required: true);
            var unit = node.String("unit", required: true);
            var contact = node.String("unitContact", required: true);
            var accepted = Date(node, "acceptedOn", required: true);
            var parties = node.Array("parties", required: true)
                .Select(p => new NewParty(p.String("role", required: true) ?? string.Empty, p.String("name", required: true) ?? string.Empty,
                    p.String("idNumber"), p.String("phone"), p.Boolean("notify")))
                .ToList();
            var events = new List<RecipeCaseEvent>();
            foreach (var e in node.Array("events"))
            {
                var type = e.String("type", required: true);
                var formed = Date(e, "formedOn", required: true);
                if (type is not null && formed is not null)
                {
                    events.Add(new RecipeCaseEvent(
                        new NewCaseEvent(number ?? string.Empty, type, formed.Value, e.String("documentName"), e.String("documentNumber"), e.String("detail"), Visible: !e.Boolean("held")),
                        Date(e, "visibleOn"), e.Boolean("held")));
                }
            }

            if (number is not null && kind is not null && unit is not null && contact is not null && accepted is not null)
            {
                cases.Add(new RecipeCase(new NewCase(number, kind, unit, contact, accepted.Value, parties), events));
            }
        }

        return new CasesStep(step.Path, cases);
    }

    private static DateOnly? Date(JsonCursor node, string property, bool required = false)
    {
        var text = node.String(property, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return date;
        }

        node.Property(property)!.Value.Error($"“{text}”不是日期（yyyy-MM-dd）。");
        return null;
    }
}
