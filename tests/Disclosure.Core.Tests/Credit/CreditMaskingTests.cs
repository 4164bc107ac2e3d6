using Disclosure.Core.Tables;
using Disclosure.Credit.Models;

namespace Disclosure.Core.Tests.Credit;

public sealed class CreditMaskingTests
{
    private static T ParseValid<T>(CreditFieldSet set, Dictionary<string, string?> row) where T : CreditRecordData
    {
        var problems = new List<ImportProblem>();
        var record = CreditRowParser.Parse(CreditSamples.Values(set, row), 2, CreditSamples.Context(), problems);
        Assert.Empty(problems);
        return Assert.IsType<T>(record);
    }

    private static string AllPublicText(CreditRecordData record) => string.Join("\n", CreditMasking.PublicFields(record).Select(f => f.Value));

    [Fact]
    public void A_natural_persons_name_and_id_are_masked_everywhere_including_the_facts()
    {
        var penalty = ParseValid<PenaltyData>(CreditFields.Penalty, CreditSamples.Penalty());
        var text = AllPublicText(penalty);
        Assert.DoesNotContain("马建国", text);
        Assert.DoesNotContain(CreditSamples.PersonId, text);
        Assert.DoesNotContain(CreditSamples.PersonId[6..14], text); // not even the birth date
        var fields = CreditMasking.PublicFields(penalty).ToDictionary(f => f.Field.Key, f => f.Value);
        Assert.Equal("马**", fields[CreditFields.PartyName]);
        Assert.Equal(CreditSamples.PersonId[..6] + "********" + CreditSamples.PersonId[^4..], fields[CreditFields.IdNumber]);
        Assert.Contains("马**在杨和镇某烧烤店内", fields[CreditFields.ViolationFacts]);
        Assert.Equal("马**", CreditMasking.PublicName(penalty.Party));
    }

    [Fact]
    public void Internal_columns_never_reach_the_public_fields()
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.Severity] = "严重";
        var keys = CreditMasking.PublicFields(ParseValid<PenaltyData>(CreditFields.Penalty, row)).Select(f => f.Field.Key).ToList();
        Assert.DoesNotContain(CreditFields.Severity, keys);
        Assert.DoesNotContain(CreditFields.PartyIsMinor, keys);
        Assert.DoesNotContain(CreditFields.InvolvesSecrets, keys);
    }

    [Fact]
    public void An_individual_business_keeps_its_registered_name_and_code_but_not_its_operators_name_or_id()
    {
        var operatorId = CreditSamples.ResidentId("640121", new DateOnly(1975, 1, 9), 77);
        var code = CreditSamples.CreditCode("92640121MA7B3C4D5");
        var row = CreditSamples.Penalty();
        row[CreditFields.PartyName] = "永宁县杨和镇王德福烟花爆竹经营部";
        row[CreditFields.PartyKind] = "个体工商户";
        row[CreditFields.CreditCode] = code;
        row[CreditFields.LegalRepresentative] = "王德福";
        row[CreditFields.LegalRepresentativeIdType] = "身份证";
        row[CreditFields.LegalRepresentativeIdNumber] = operatorId;
        row[CreditFields.IdType] = null;
        row[CreditFields.IdNumber] = null;
        row[CreditFields.ViolationFacts] = "经营者王德福超范围储存烟花爆竹，联系电话13909512345。";
        var penalty = ParseValid<PenaltyData>(CreditFields.Penalty, row);

        var fields = CreditMasking.PublicFields(penalty).ToDictionary(f => f.Field.Key, f => f.Value);
        Assert.Equal("永宁县杨和镇王**烟花爆竹经营部", fields[CreditFields.PartyName]);
        Assert.Equal(code, fields[CreditFields.CreditCode]);
        Assert.Equal("王**", fields[CreditFields.LegalRepresentative]);
        Assert.Equal("经营者王**超范围储存烟花爆竹，联系电话139****2345。", fields[CreditFields.ViolationFacts]);
        Assert.DoesNotContain(operatorId, AllPublicText(penalty));
    }

    [Fact]
    public void A_companys_legal_representative_is_public_registration_data_but_their_id_is_not()
    {
        var licence = ParseValid<LicenceData>(CreditFields.Licence, CreditSamples.Licence());
        var fields = CreditMasking.PublicFields(licence).ToDictionary(f => f.Field.Key, f => f.Value);
        Assert.Equal("永宁县鸿运宾馆有限公司", fields[CreditFields.PartyName]);
        Assert.Equal("周丽", fields[CreditFields.LegalRepresentative]);
        Assert.DoesNotContain(licence.Party.LegalRepresentativeIdNumber!, AllPublicText(licence));
        Assert.Equal("长期", fields[CreditFields.ValidUntil]);
    }

    [Fact]
    public void The_partys_name_is_masked_in_the_facts_also_when_spaced_or_given_alone()
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.ViolationFacts] = "当事人马 建国酒后滋事；马　建国称其不知情；建国的同伴证实了经过。";
        row[CreditFields.Remarks] = "马  建国已缴纳罚款。";
        var penalty = ParseValid<PenaltyData>(CreditFields.Penalty, row);

        var fields = CreditMasking.PublicFields(penalty).ToDictionary(f => f.Field.Key, f => f.Value);

        Assert.Equal("当事人马**酒后滋事；马**称其不知情；**的同伴证实了经过。", fields[CreditFields.ViolationFacts]);
        Assert.Equal("马**已缴纳罚款。", fields[CreditFields.Remarks]);
        Assert.DoesNotContain("建国", AllPublicText(penalty));
    }

    [Fact]
    public void Names_the_scan_finds_in_context_and_suspect_ids_are_masked_in_free_text()
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.ViolationFacts] = "马建国殴打受害人李小龙，证人：欧阳娜娜。受害人身份证号110101199003074478。";
        var penalty = ParseValid<PenaltyData>(CreditFields.Penalty, row);

        var facts = CreditMasking.PublicFields(penalty).Single(f => f.Field.Key == CreditFields.ViolationFacts).Value;

        Assert.Equal("马**殴打受害人李**，证人：欧阳**。受害人身份证号110101********4478。", facts);
    }

    [Fact]
    public void A_companys_legal_representative_keeps_the_field_but_is_masked_in_the_prose()
    {
        var row = CreditSamples.Licence();
        row[CreditFields.LegalRepresentative] = "周丽华";
        row[CreditFields.Remarks] = "法定代表人周丽华到场领证；丽华另行提交了委托书。";
        var licence = ParseValid<LicenceData>(CreditFields.Licence, row);

        var fields = CreditMasking.PublicFields(licence).ToDictionary(f => f.Field.Key, f => f.Value);

        Assert.Equal("周丽华", fields[CreditFields.LegalRepresentative]);
        Assert.Equal("法定代表人周**到场领证；**另行提交了委托书。", fields[CreditFields.Remarks]);
    }

    [Fact]
    public void A_one_character_given_name_alone_is_left_as_the_ordinary_word_it_usually_is()
    {
        var row = CreditSamples.Licence();
        row[CreditFields.Remarks] = "法定代表人周丽到场，周 丽签收；丽水路店面另行办理。";
        var licence = ParseValid<LicenceData>(CreditFields.Licence, row);

        var remarks = CreditMasking.PublicFields(licence).Single(f => f.Field.Key == CreditFields.Remarks).Value;

        Assert.Equal("法定代表人周*到场，周*签收；丽水路店面另行办理。", remarks);
    }

    [Fact]
    public void A_party_with_a_compound_surname_keeps_it_and_loses_the_given_name_also_when_it_stands_alone()
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.PartyName] = "欧阳娜娜";
        row[CreditFields.ViolationFacts] = "当事人欧阳娜娜酒后滋事，娜娜称其不知情。";
        var penalty = ParseValid<PenaltyData>(CreditFields.Penalty, row);

        var fields = CreditMasking.PublicFields(penalty).ToDictionary(f => f.Field.Key, f => f.Value);

        Assert.Equal("欧阳**", fields[CreditFields.PartyName]);
        Assert.Equal("当事人欧阳**酒后滋事，**称其不知情。", fields[CreditFields.ViolationFacts]);
    }

    [Theory]
    [InlineData("110105491231002", "110105******002")]
    [InlineData("E12345678", "E1*****78")]
    [InlineData("H1234", "H1*34")]
    [InlineData("1234", "****")]
    public void Other_documents_keep_two_characters_at_each_end(string number, string masked) =>
        Assert.Equal(masked, CreditMasking.MaskDocumentNumber(number));
}
