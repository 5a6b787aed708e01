using System.Text.Json.Serialization;
using Dsl.Assessment.SkillsReviews;
using Dsl.BuildingBlocks.Contracts;
using Dsl.Enrolment.Contracts;
using Wolverine.Attributes;

namespace Dsl.Assessment.Enrolments;

/// <summary>
/// One of the facts Assessment takes from Enrolment: a confirmation (the setting may start its self-assessment and
/// plan) or the lead's name (for the rater's questionnaire). Enrolment's messages become these as they are sent, so
/// Assessment takes them in batches, in the order they were sent, from one sequential queue (ADR 0038).
/// </summary>
[MessageIdentity("dsl.assessment.enrolment-update.v1")]
[CarriesPersonalData] // the lead's name
public sealed record AssessmentEnrolmentUpdate(EnrolmentConfirmed? Confirmed = null, LeadNamed? Named = null)
{
    public const string Queue = "assessment-enrolments";

    [JsonIgnore]
    public Guid EnrolmentId => Confirmed?.EnrolmentId ?? Named!.EnrolmentId;

    [JsonIgnore]
    public string Region => Confirmed?.Region ?? Named!.Region;
}

/// <summary>
/// A batch of updates in one transaction: the enrolments they touch read in one round trip, each written once.
/// Every update is idempotent (a redelivered confirmation sets the same facts; a replaced lead's name overwrites).
/// </summary>
public static class AssessmentEnrolmentUpdatesHandler
{
    public static async Task Handle(AssessmentEnrolmentUpdate[] updates, IDocumentSession session, CancellationToken ct)
    {
        var confirmedIds = updates.Where(u => u.Confirmed is not null).Select(u => u.EnrolmentId).Distinct().ToArray();
        var enrolments = confirmedIds.Length == 0
            ? []
            : (await session.LoadManyAsync<AssessedEnrolment>(ct, confirmedIds)).ToDictionary(e => e.Id);
        var confirmed = new Dictionary<Guid, AssessedEnrolment>();
        var names = new Dictionary<Guid, ReviewedLead>();
        foreach (var update in updates)
        {
            if (update.Confirmed is { } confirmation)
            {
                var enrolment = enrolments.GetValueOrDefault(confirmation.EnrolmentId) ?? new AssessedEnrolment { Id = confirmation.EnrolmentId };
                enrolment.SettingUrn = confirmation.SettingUrn;
                enrolment.CohortId = confirmation.CohortId;
                enrolment.Region = confirmation.Region;
                enrolment.AcademicYear = confirmation.AcademicYear;
                enrolments[enrolment.Id] = confirmed[enrolment.Id] = enrolment;
            }
            if (update.Named is { } named) names[named.EnrolmentId] = new ReviewedLead { Id = named.EnrolmentId, LeadName = named.LeadName };
        }
        foreach (var enrolment in confirmed.Values) session.Store(enrolment);
        foreach (var name in names.Values) session.Store(name);
    }
}
