namespace Dsl.Enrolment.Placement;

/// <summary>Configuration section Dsl:Enrolment.</summary>
public sealed class EnrolmentOptions
{
    /// <summary>How long a waitlisted setting has to accept a freed place.</summary>
    public TimeSpan OfferExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A confirmed enrolment with no activity for this long is marked at risk.</summary>
    public TimeSpan InactivityPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A lead whose enrolment ended (withdrawn or completed) is anonymised this many years after the end of that academic year.</summary>
    public int RetentionYears { get; set; } = 6;
}
