using Disclosure.Core.Settings;
using Disclosure.Storage.Settings;

namespace Disclosure.Web.Setup;

/// <summary>
/// Reads the office's identity from configuration: <c>Site:Identity:{field}</c> for every field of
/// <see cref="SiteIdentityFields"/>, plus <c>Site:Identity:AgencyCode</c> (机构代码, the {dept} of the 索引号) and
/// <c>Site:Identity:Departments:{n}:Code</c>/<c>:Name</c>. It seeds the stored settings on start; the settings
/// page owns them afterwards.
/// </summary>
public static class SiteIdentityConfiguration
{
    public const string SectionName = "Site:Identity";

    /// <summary>Who the 台账 names for values taken from configuration.</summary>
    public const string Actor = "站点配置";

    public static SiteIdentitySeed Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var values = SiteIdentityFields.All
            .Select(f => (f.Name, Value: section[f.Name]))
            .Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .ToDictionary(v => v.Name, v => v.Value!);
        var departments = section.GetSection("Departments").GetChildren()
            .Select(d => new SiteIdentitySeed.Department(d["Code"] ?? string.Empty, d["Name"] ?? string.Empty))
            .ToList();
        return new SiteIdentitySeed(values, section["AgencyCode"], departments);
    }
}
