using FluentValidation;

namespace Dsl.BuildingBlocks.Programme;

/// <summary>Validation rules for the programme's shared values, with the same message wherever they are used.</summary>
public static class ProgrammeRules
{
    /// <summary>One of the seven programme region codes.</summary>
    public static IRuleBuilderOptions<T, string?> ProgrammeRegion<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(ProgrammeRegions.Exists).WithMessage($"region must be one of: {ProgrammeRegions.Codes}.");

    /// <summary>A programme region code or "national" (a cohort's region).</summary>
    public static IRuleBuilderOptions<T, string?> ProgrammeRegionOrNational<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(ProgrammeRegions.ExistsOrNational)
            .WithMessage($"region must be \"{ProgrammeRegions.National}\" or one of: {ProgrammeRegions.Codes}.");

    /// <summary>A six-digit DfE URN; <paramref name="field"/> is the JSON name the message starts with.</summary>
    public static IRuleBuilderOptions<T, string?> Urn<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(Urns.IsValid).WithMessage($"{field} must be a six-digit DfE URN.");
}
