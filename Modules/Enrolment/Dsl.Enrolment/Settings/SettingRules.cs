namespace Dsl.Enrolment.Settings;

/// <summary>The field rules a setting's data must meet, shared by registration and change.</summary>
public static class SettingRules
{
    public static IRuleBuilderOptions<T, string?> SettingName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(200);

    public static IRuleBuilderOptions<T, string?> Ukprn<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(@"^1\d{7}$").WithMessage("ukprn must be an 8-digit UK provider reference number starting with 1.");
}
