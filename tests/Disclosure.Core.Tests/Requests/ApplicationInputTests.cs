using Disclosure.Core.Security;
using Disclosure.Core.Text;
using Disclosure.Requests.Models;
namespace Disclosure.Core.Tests.Requests;

public sealed class ApplicationInputTests
{
    private static ApplicationInput Person() => new()
    {
        Kind = "NaturalPerson", Name = "马建国", IdType = "ResidentIdCard", IdNumber = "640121196803140116",
        Phone = "138 0951 0001", Address = "永宁县杨和镇纳家户村三组 12 号", Description = "2024年度行政处罚案件数量统计情况。",
        Form = "Electronic", Delivery = "Online",
    };

    [Fact]
    public void A_complete_application_is_accepted_and_normalised()
    {
        var details = Person().Validate(out var errors);
        Assert.Empty(errors);
        Assert.Equal("13809510001", details!.Applicant.Phone);
        Assert.Equal(ApplicantKind.NaturalPerson, details.Kind);
    }

    [Theory]
    [InlineData("640121196803140117", "校验不通过")]        // wrong check digit
    [InlineData("640121196813140116", "校验不通过")]        // month 13
    [InlineData("6401211968031401", "应为 18 位")]
    public void A_resident_id_needs_its_GB_11643_check_digit(string id, string message)
    {
        var input = Person();
        input.IdNumber = id;
        Assert.Null(input.Validate(out var errors));
        Assert.Contains(message, errors["IdNumber"]);
    }

    [Theory]
    [InlineData("91110000802100433B", true)]
    [InlineData("91440300708461136T", true)]
    [InlineData("91110000802100433C", false)]
    [InlineData("9111000080210043OB", false)] // O is not in the alphabet
    [InlineData("9111000080210043", false)]
    [InlineData("91AB00008021004331", false)] // the check character fits, but the area code is not digits
    public void The_form_checks_the_unified_social_credit_code_with_the_kernel_rule(string code, bool valid) =>
        Assert.Equal(valid, CreditCode.IsValid(code));

    [Fact]
    public void An_organisation_needs_a_valid_credit_code_and_a_contact()
    {
        var input = Person();
        input.Kind = "Commercial";
        input.Name = "宁夏永辉商贸有限公司";
        input.IdNumber = "91110000802100433C";
        Assert.Null(input.Validate(out var errors));
        Assert.Contains("统一社会信用代码校验不通过", errors["IdNumber"]);
        Assert.Equal("请填写联系人姓名。", errors["ContactName"]);

        input.IdNumber = "91110000802100433b";
        input.ContactName = "高文";
        var details = input.Validate(out errors);
        Assert.Empty(errors);
        Assert.Equal(IdentityDocumentType.UnifiedSocialCreditCode, details!.Applicant.IdType);
        Assert.Equal("91110000802100433B", details.Applicant.IdNumber);
    }

    [Fact]
    public void Every_missing_field_is_named_in_chinese()
    {
        Assert.Null(new ApplicationInput().Validate(out var errors));
        Assert.Equal(
            new[] { "Address", "Delivery", "Description", "Form", "IdNumber", "IdType", "Kind", "Name", "Phone" },
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("请选择申请人类型。", errors["Kind"]);
        Assert.Equal("请填写联系电话。", errors["Phone"]);
    }

    [Fact]
    public void Email_delivery_needs_an_email_address_and_electronic_form()
    {
        var input = Person();
        input.Delivery = "Email";
        Assert.Null(input.Validate(out var errors));
        Assert.Equal("选择以电子邮件获取信息时，请填写电子邮箱。", errors["Email"]);
        input.Email = "a@example.com";
        input.Form = "Paper";
        Assert.Null(input.Validate(out errors));
        Assert.Contains("纸质信息无法通过电子邮件提供", errors["Form"]);
    }

    [Theory]
    [InlineData("k7qm-3xpd-9rta", "K7QM3XPD9RTA")]
    [InlineData(" K7QM 3XPD 9RTA ", "K7QM3XPD9RTA")]
    [InlineData("K7QM-3XPD-9RTO", "K7QM3XPD9RT0")]
    [InlineData("K7QM-3XPD-9RT", null)]
    [InlineData("K7QM-3XPD-9RT!", null)]
    public void Tracking_codes_forgive_case_dashes_and_look_alikes(string typed, string? expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(typed));

    [Fact]
    public void Tracking_codes_are_twelve_characters_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => TrackingCode.New()).ToList();
        Assert.All(codes, c => Assert.Equal(c, TrackingCode.Normalize(TrackingCode.Format(c))));
        Assert.Equal(200, codes.Distinct().Count());
    }
}
