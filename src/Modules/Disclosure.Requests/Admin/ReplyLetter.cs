using System.Globalization;
using System.Reflection;
using Disclosure.Core.Settings;
using Disclosure.Core.Text;
using Disclosure.Core.Time;
using Disclosure.Media.Documents;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage.Entities;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Requests.Admin;

/// <summary>
/// 政府信息公开申请答复告知书 as DOCX. The wording lives in a template (<c>ReplyLetterTemplate.txt</c>, embedded): one
/// paragraph per line, <c>{{名称}}</c> placeholders, a leading <c>#</c> for the centred title, <c>&gt;</c> for
/// right-aligned lines (signature and date); a line whose placeholders are all empty is left out. The office edits
/// the wording there, not in code. Who signs, the 复议机关 and the court come from 站点设置. The page is the official
/// A4 page (GB/T 9704, <see cref="OfficialPage"/>); a stored sentence's own final mark is not doubled by the
/// template's (<see cref="DoubledPunctuation"/>).
/// </summary>
public static class ReplyLetter
{
    private static readonly Lazy<string[]> Template = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Disclosure.Requests.Admin.ReplyLetterTemplate.txt")
            ?? throw new InvalidOperationException("The reply letter template is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n").Split('\n');
    });

    /// <summary>The values for one application's letter, by placeholder name.</summary>
    public static IReadOnlyDictionary<string, string> Values(InformationRequestRecord request, ApplicantDetails applicant, SiteIdentity identity) => new Dictionary<string, string>
    {
        ["申请人"] = applicant.Name,
        ["申请编号"] = request.Number,
        ["收到日期"] = DateText.Chinese(request.ReceivedOn),
        ["所需信息"] = request.Description,
        ["补正告知日期"] = request.CorrectionRequestedOn is { } asked ? DateText.Chinese(asked) : string.Empty,
        ["收到补正日期"] = request.CorrectionReceivedOn is { } got ? DateText.Chinese(got) : string.Empty,
        ["延期天数"] = request.ExtensionDays > 0 ? request.ExtensionDays.ToString(CultureInfo.InvariantCulture) : string.Empty,
        ["办理结果"] = request.Outcome is { } outcome ? RequestOutcomes.DisplayName(outcome) : string.Empty,
        ["答复内容"] = request.ReplyText ?? string.Empty,
        ["获取方式"] = $"{RequestNames.Form(request.Form)}形式，{RequestNames.Delivery(request.Delivery)}",
        // Never empty: a line with an empty placeholder is left out, and the remedies must always be stated.
        ["复议机关"] = identity.ReconsiderationAuthority is { Length: > 0 } authority ? authority : "有管辖权的行政复议机关",
        ["诉讼法院"] = identity.Court is { Length: > 0 } court ? court : "人民法院",
        ["机关名称"] = identity.AgencyName,
        ["答复日期"] = request.ClosedOn is { } closed ? DateText.Chinese(closed) : string.Empty,
    };

    public static byte[] Render(IReadOnlyDictionary<string, string> values)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var raw in Template.Value)
            {
                if (raw.Length == 0 || raw.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var (text, kind) = raw[0] switch
                {
                    '#' => (raw[1..].Trim(), LineKind.Title),
                    '>' => (raw[1..].Trim(), LineKind.Right),
                    _ => (raw, LineKind.Body),
                };
                var (filled, anyEmpty) = Fill(text, values);
                if (!anyEmpty)
                {
                    body.Append(Paragraph(DoubledPunctuation.Collapse(filled), kind));
                }
            }

            body.Append(OfficialPage.Section());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static (string Text, bool AnyEmpty) Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        var anyEmpty = false;
        var result = System.Text.RegularExpressions.Regex.Replace(text, @"\{\{(?<name>[^}]+)\}\}", m =>
        {
            var value = values.GetValueOrDefault(m.Groups["name"].Value, string.Empty);
            anyEmpty |= value.Length == 0;
            return value;
        });
        return (result, anyEmpty);
    }

    private enum LineKind
    {
        Title,
        Body,
        Right,
    }

    private static Paragraph Paragraph(string text, LineKind kind)
    {
        // 仿宋 三号 (16 pt) for the body and 小标宋 二号 (22 pt) for the title, as official letters are set.
        var font = kind == LineKind.Title ? "方正小标宋简体" : "仿宋_GB2312";
        var size = kind == LineKind.Title ? "44" : "32";
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = OfficialPage.LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
            new Justification { Val = kind switch { LineKind.Title => JustificationValues.Center, LineKind.Right => JustificationValues.Right, _ => JustificationValues.Both } });
        if (kind == LineKind.Body && !text.EndsWith('：'))
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        var run = new Run(
            new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = size }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

}
