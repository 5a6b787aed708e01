namespace Dsl.Curriculum.Certificates;

/// <summary>
/// The enrolled lead's name and setting name as Enrolment last told us (<c>dsl.enrolment.lead-named.v1</c>), only
/// for the certificate. Personal data: kept in this one document, keyed by enrolment, so an erasure can anonymise it.
/// </summary>
public sealed class LeadCertificateName
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public string LeadName { get; set; } = "";
    public string SettingName { get; set; } = "";
}
