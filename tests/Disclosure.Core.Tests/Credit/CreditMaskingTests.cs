using Disclosure.Core.Credit;
using Disclosure.Core.Tables;

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

    [Theory]
    [InlineData("E12345678", "E1*****78")]
    [InlineData("H1234", "H1*34")]
    [InlineData("1234", "****")]
    public void Other_documents_keep_two_characters_at_each_end(string number, string masked) =>
        Assert.Equal(masked, CreditMasking.MaskDocumentNumber(number));
}
