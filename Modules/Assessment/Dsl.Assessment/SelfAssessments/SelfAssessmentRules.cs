using Dsl.Assessment.Framework;

namespace Dsl.Assessment.SelfAssessments;

/// <summary>The rules a self-assessment must meet to be submitted, as field errors keyed by element.</summary>
public static class SelfAssessmentRules
{
    /// <summary>Every gap that stops submission, keyed "elements.{code}"; empty when it may be submitted.</summary>
    public static Dictionary<string, string[]> SubmitGaps(SelfAssessment assessment, IReadOnlyList<string> elementCodes)
    {
        var gaps = new Dictionary<string, string[]>();
        foreach (var code in elementCodes)
        {
            var key = $"elements.{code}";
            if (!assessment.Elements.TryGetValue(code, out var rating))
            {
                gaps[key] = [$"Element {code} is not rated yet."];
                continue;
            }
            if (assessment.Approach == Approach.WholeSchool && string.IsNullOrWhiteSpace(rating.Evidence))
                gaps[key] = [$"Element {code} needs evidence of what is in place."];
            else if (assessment.Approach == Approach.None && (string.IsNullOrWhiteSpace(rating.Need) || rating.Priority is null))
                gaps[key] = [$"Element {code} needs the setting's need and its priority (high, medium or low)."];
        }
        return gaps;
    }

    /// <summary>Problems with one element's rating for this assessment's approach (null when it is fine).</summary>
    public static string? RatingProblem(Approach approach, RateElement rating, FrameworkElement element)
    {
        if (approach == Approach.None && rating.Level != 1)
            return "A needs assessment (approach none) rates every element at level 1 (notYetStarted).";
        var unknown = (rating.PromptNotes ?? []).Keys.Where(k => element.Prompts.All(p => p.Id != k)).ToList();
        return unknown.Count > 0
            ? $"Element {element.Code} has no prompt {string.Join(", ", unknown)}; its prompts are {string.Join(", ", element.Prompts.Select(p => p.Id))}."
            : null;
    }

    /// <summary>The first submitted self-assessment of a setting is its baseline, every later one a review.</summary>
    public static SelfAssessmentKind KindFor(int submittedBefore) =>
        submittedBefore == 0 ? SelfAssessmentKind.Baseline : SelfAssessmentKind.Review;
}
