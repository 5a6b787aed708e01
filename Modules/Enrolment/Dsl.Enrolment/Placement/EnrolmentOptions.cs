namespace Dsl.Enrolment.Placement;

/// <summary>Configuration section Dsl:Enrolment.</summary>
public sealed class EnrolmentOptions
{
    /// <summary>How long a waitlisted setting has to accept a freed place.</summary>
    public TimeSpan OfferExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A confirmed enrolment with no activity for this long is marked at risk.</summary>
    public TimeSpan InactivityPeriod { get; set; } = TimeSpan.FromDays(30);
}
