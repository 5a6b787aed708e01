namespace Dsl.Enrolment.Cohorts;

public static class CohortRules
{
    public static IRuleBuilderOptions<T, string?> CohortRegion<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => r == Cohort.National || ProgrammeRegions.Exists(r))
            .WithMessage($"region must be \"national\" or one of: {ProgrammeRegions.Codes}.");

    public static IRuleBuilderOptions<T, int?> CohortCapacity<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, 1000);
}
