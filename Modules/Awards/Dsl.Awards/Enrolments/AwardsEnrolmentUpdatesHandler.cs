using System.Text.Json.Serialization;
using Dsl.Awards.Journeys;
using Dsl.Enrolment.Contracts;
using Wolverine.Attributes;

namespace Dsl.Awards.Enrolments;

/// <summary>
/// One of the facts Awards takes from Enrolment: a confirmation (the setting's enrolment, cohort and region) or the
/// setting's name (for its credential). Enrolment's messages become these as they are sent, so Awards takes them in
/// batches, in the order they were sent, from one sequential queue (ADR 0038). The lead's name, which Enrolment's
/// naming message also carries, is left out: Awards does not keep it, so its queue never holds it.
/// </summary>
[MessageIdentity("dsl.awards.enrolment-update.v1")]
public sealed record AwardsEnrolmentUpdate(EnrolmentConfirmed? Confirmed = null, SettingNamed? Named = null)
{
    public const string Queue = "awards-enrolments";

    [JsonIgnore]
    public Guid EnrolmentId => Confirmed?.EnrolmentId ?? Named!.EnrolmentId;

    [JsonIgnore]
    public string Region => Confirmed?.Region ?? Named!.Region;
}

/// <summary>The name of the setting an enrolment is for.</summary>
public sealed record SettingNamed(Guid EnrolmentId, string SettingName, string Region);

/// <summary>A batch of updates in one transaction, each record written once (the same on redelivery).</summary>
public static class AwardsEnrolmentUpdatesHandler
{
    public static void Handle(AwardsEnrolmentUpdate[] updates, IDocumentSession session)
    {
        var enrolments = new Dictionary<Guid, AwardsEnrolment>();
        var names = new Dictionary<Guid, EnrolmentSettingName>();
        foreach (var update in updates)
        {
            if (update.Confirmed is { } confirmed)
                enrolments[confirmed.EnrolmentId] = new AwardsEnrolment
                {
                    Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn, CohortId = confirmed.CohortId, Region = confirmed.Region,
                    ConfirmedAt = confirmed.OccurredAt,
                };
            if (update.Named is { } named) names[named.EnrolmentId] = new EnrolmentSettingName { Id = named.EnrolmentId, SettingName = named.SettingName };
        }
        foreach (var enrolment in enrolments.Values) session.Store(enrolment);
        foreach (var name in names.Values) session.Store(name);
    }
}
