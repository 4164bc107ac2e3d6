using System.Text;

namespace Disclosure.Enforcement.Models;

/// <summary>A case as the case-handling system (or staff) registers it, with its parties; the opening event is added with it.</summary>
public sealed record NewCase(
    string Number,
    string Kind,
    string UnitName,
    string UnitContact,
    DateOnly AcceptedOn,
    IReadOnlyList<NewParty> Parties)
{
    /// <summary>The opening event's document (受案回执 …), when not the kind's default.</summary>
    public string? OpeningDocumentName { get; init; }

    /// <summary>The agency handling the case (办案机关); null for the installation's own.</summary>
    public string? AgencyCode { get; init; }

    public string? OpeningDocumentNumber { get; init; }
}

/// <summary>A party in one role; the ID number or the phone (or both) is needed, as the query's second factor.</summary>
public sealed record NewParty(string Role, string Name, string? IdNumber, string? Phone, bool Notify = false);

/// <summary>
/// One event for a case's timeline. <see cref="SourceEventId"/> makes it idempotent: an event its source already
/// sent is not stored again. <see cref="Visible"/> false holds it back from the parties (it then counts against the
/// 5-working-day clock until released).
/// </summary>
public sealed record NewCaseEvent(
    string CaseNumber,
    string Type,
    DateOnly FormedOn,
    string? DocumentName = null,
    string? DocumentNumber = null,
    string? Detail = null,
    bool Visible = true,
    string? SourceEventId = null);

/// <summary>One problem with an input, where it is (行 3、第 2 条事件 …) and what is wrong, in zh-CN.</summary>
public sealed record CaseInputError(string Where, string Message)
{
    /// <summary>The 0-based position in the batch of the event (or party) it is about, when it is about one: an importer maps it to its row.</summary>
    public int? Item { get; init; }

    public override string ToString() => string.IsNullOrEmpty(Where) ? Message : $"{Where}：{Message}";
}

/// <summary>Thrown when a case or a batch of events is refused; nothing was written.</summary>
public sealed class CaseInputException(IReadOnlyList<CaseInputError> errors)
    : Exception(string.Join("；", errors.Select(e => e.ToString().TrimEnd('。'))) + "。")
{
    public IReadOnlyList<CaseInputError> Errors { get; } = errors;
}

/// <summary>How 案件编号 and the second factor are read back from what a person typed.</summary>
public static class CaseText
{
    public const int SecondFactorLength = 4;

    /// <summary>Full-width folded, spaces dropped, letters upper-cased: Ａ６４０ １２１ reads as A640121.</summary>
    public static string NormalizeNumber(string? typed)
    {
        var builder = new StringBuilder();
        foreach (var c in (typed ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The last four letters or digits of an ID number or phone number (证件号码或手机号后四位), upper-cased.</summary>
    public static string Tail(string? value)
    {
        var kept = new StringBuilder();
        foreach (var c in (value ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                kept.Append(char.ToUpperInvariant(c));
            }
        }

        return kept.Length >= SecondFactorLength ? kept.ToString(kept.Length - SecondFactorLength, SecondFactorLength) : kept.ToString();
    }
}
