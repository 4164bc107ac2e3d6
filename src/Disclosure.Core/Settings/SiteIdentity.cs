using System.Text;

namespace Disclosure.Core.Settings;

/// <summary>
/// The office's identity as stored: who the agency is, who signs and where an applicant may appeal, and the
/// 政府网站 marks 国办发〔2017〕47号 asks for at the foot of every page. Empty values are empty strings.
/// </summary>
public sealed class SiteIdentity(IReadOnlyDictionary<string, string> values)
{
    /// <summary>The agency row that is the office's own (empty when none is designated yet).</summary>
    public string AgencyCode { get; init; } = string.Empty;

    /// <summary>Values by field name (<see cref="SiteIdentityFields"/>).</summary>
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string this[string name] => Values.GetValueOrDefault(name)?.Trim() ?? string.Empty;

    public string SiteName => this[SiteIdentityFields.SiteName];
    public string AgencyName => this[SiteIdentityFields.AgencyName];
    public string OfficeAddress => this[SiteIdentityFields.OfficeAddress];
    public string OfficePhone => this[SiteIdentityFields.OfficePhone];
    public string ReconsiderationAuthority => this[SiteIdentityFields.ReconsiderationAuthority];
    public string Court => this[SiteIdentityFields.Court];
    public string Sponsor => this[SiteIdentityFields.Sponsor];
    public string WebsiteCode => this[SiteIdentityFields.WebsiteCode];
    public string IcpNumber => this[SiteIdentityFields.IcpNumber];
    public string PoliceRecordNumber => this[SiteIdentityFields.PoliceRecordNumber];
    public string ContactAddress => this[SiteIdentityFields.ContactAddress];
    public string ContactPhone => this[SiteIdentityFields.ContactPhone];
    public string ContactEmail => this[SiteIdentityFields.ContactEmail];

    /// <summary>The digits of the 公安机关备案号, which the 备案 platform's record page is keyed by.</summary>
    public string PoliceRecordDigits => new(PoliceRecordNumber.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// Where letters and visits go, as the 依申请公开 form and receipt print it (第三十一条 channels):
    /// 某局（地址），电话 …; empty when nothing is set.
    /// </summary>
    public string OfficeContact
    {
        get
        {
            var text = new StringBuilder(AgencyName);
            if (OfficeAddress.Length > 0)
            {
                text.Append('（').Append(OfficeAddress).Append('）');
            }

            if (OfficePhone.Length > 0)
            {
                text.Append(text.Length > 0 ? "，" : string.Empty).Append("电话 ").Append(OfficePhone);
            }

            return text.ToString();
        }
    }
}
