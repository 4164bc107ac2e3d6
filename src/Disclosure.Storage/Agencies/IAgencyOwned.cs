namespace Disclosure.Storage.Agencies;

/// <summary>
/// A record that belongs to one agency (集约化): an application is addressed to it, a 双公示 decision, a case or a
/// letter is its own, and its annual report counts it. <see cref="AgencyOwnership"/> refuses to save one without.
/// </summary>
public interface IAgencyOwned
{
    /// <summary>The owning agency's code (<see cref="Entities.AgencyRecord.Code"/>).</summary>
    string AgencyCode { get; set; }
}
