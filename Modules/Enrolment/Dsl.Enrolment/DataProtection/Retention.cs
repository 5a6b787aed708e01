namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <summary>How long a lead's personal data is kept once their enrolment has ended.</summary>
public static class Retention
{
    /// <summary>When the enrolment ended: its last move to withdrawn or completed; null while it is active.</summary>
    public static DateTimeOffset? EndedAt(Enrolment enrolment) => enrolment.IsActive
        ? null
        : enrolment.History.LastOrDefault(h => h.Status == enrolment.Status)?.At;

    /// <summary>
    /// The first moment the lead is due for anonymisation: <paramref name="years"/> years after the end (31 August) of
    /// the academic year the enrolment ended in, i.e. 1 September of that year plus the period.
    /// </summary>
    public static DateTimeOffset DueAt(DateTimeOffset endedAt, int years)
    {
        var utc = endedAt.ToUniversalTime();
        var yearEnds = utc.Month >= 9 ? utc.Year + 1 : utc.Year;
        return new DateTimeOffset(yearEnds + years, 9, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static bool IsDue(Enrolment enrolment, DateTimeOffset now, int years) =>
        enrolment.LeadErasure is null && EndedAt(enrolment) is { } ended && now >= DueAt(ended, years);
}
