using System.Text.Json;

namespace Dsl.Enrolment.Enrolments;

public static class IntegrationEvents
{
    /// <summary>Fills in the fields every enrolment event carries from the enrolment they are about.</summary>
    public static T About<T>(this T @event, Enrolment enrolment, DateTimeOffset at) where T : EnrolmentIntegrationEvent =>
        (T)((EnrolmentIntegrationEvent)@event with
        {
            EventId = Guid.CreateVersion7(at),
            OccurredAt = at,
            EnrolmentId = enrolment.Id,
            SettingUrn = enrolment.SettingUrn,
            SettingPhase = ContractValue(enrolment.SettingPhase),
            SettingType = ContractValue(enrolment.SettingType),
            CohortId = enrolment.CohortId,
            Region = enrolment.Region,
            AcademicYear = enrolment.AcademicYearId,
        });

    /// <summary>An enum as contracts spell it: the API's camelCase name (allThrough, feCollege).</summary>
    public static string? ContractValue<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? JsonNamingPolicy.CamelCase.ConvertName(v.ToString()) : null;
}
