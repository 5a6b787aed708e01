namespace Dsl.Awards.Eligibility;

/// <summary>
/// One version of the award's criteria: what a setting must show to apply, what the assessor judges per element, and
/// the narrative the credential's achievement carries. Criteria are data: a change is a new version (older credentials
/// keep pointing at the version they were awarded under, which stays published).
/// </summary>
public sealed record AwardCriteria(string Version, string Name, string Description, string Narrative,
    IReadOnlyList<string> ElementCodes, int MinimumLevel, int ValidityYears, int RenewalWindowMonths, int RecentReviewMonths,
    int RenewalDueDays)
{
    /// <summary>The eight elements of the whole-school approach, as in the curriculum catalogue and self-assessment framework.</summary>
    public static readonly IReadOnlyList<string> Elements =
    [
        "ethos-and-environment", "leadership-and-management", "curriculum-teaching", "student-voice", "staff-development",
        "identifying-need-and-impact", "targeted-support-and-referrals", "parents-and-carers",
    ];

    public static readonly AwardCriteria V1 = new(
        "2026-12",
        "DSL Whole-School Mental Health Award",
        "Awarded to a school or college whose senior mental health lead completed the DSL programme's embedding phase and whose " +
        "whole-school approach to mental health and wellbeing is developing or embedded in all eight elements, verified by an external assessor.",
        "The setting's senior mental health lead completed the full DSL programme, embedding phase included. The setting submitted a " +
        "baseline and at least one later review self-assessment, the latest rating every one of the eight elements of the whole-school " +
        "approach at level 3 (developing) or above. For each element the setting gave a statement of impact with evidence, and an " +
        "assessor independent of its cohort judged every element met. The award is valid for three years and renewed on a recent review.",
        Elements, MinimumLevel: 3, ValidityYears: 3, RenewalWindowMonths: 6, RecentReviewMonths: 12, RenewalDueDays: 90);

    public static AwardCriteria Current => V1;

    public static readonly IReadOnlyList<AwardCriteria> All = [V1];

    public static AwardCriteria? Find(string version) => All.FirstOrDefault(c => c.Version == version);
}
