namespace Dsl.Enrolment.Cohorts;

public static class CohortRules
{
    public static IRuleBuilderOptions<T, string?> CohortRegion<T>(this IRuleBuilder<T, string?> rule) =>
        rule.ProgrammeRegionOrNational();

    public static IRuleBuilderOptions<T, int?> CohortCapacity<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, 1000);
}
