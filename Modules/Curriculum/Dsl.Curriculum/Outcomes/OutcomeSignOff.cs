namespace Dsl.Curriculum.Outcomes;

/// <summary>
/// A facilitator's sign-off of one learning outcome for a lead, with the evidence. Withdrawing keeps the record
/// (WithdrawnAt set) so the history stays; a later sign-off of the same outcome is a new record.
/// </summary>
public sealed class OutcomeSignOff
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    /// <summary>Stable outcome code "{elementCode}.{n}", n counting the element's catalogue outcomes from 1.</summary>
    public string OutcomeCode { get; set; } = "";
    public string ElementCode { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string? SignedOffBy { get; set; }
    public DateTimeOffset SignedOffAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public string? WithdrawnBy { get; set; }

    public bool Active => WithdrawnAt is null;
}
