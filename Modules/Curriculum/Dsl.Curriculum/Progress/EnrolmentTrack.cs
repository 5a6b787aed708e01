namespace Dsl.Curriculum.Progress;

/// <summary>
/// The track a setting chose when it submitted the enrolment (dsl.enrolment.submitted.v1), kept until the place is
/// confirmed and the progress record opens: EnrolmentConfirmed does not carry it.
/// </summary>
public sealed class EnrolmentTrack
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public string Track { get; set; } = "";
}
