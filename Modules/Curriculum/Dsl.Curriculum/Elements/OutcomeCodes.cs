namespace Dsl.Curriculum.Elements;

/// <summary>
/// Stable learning-outcome codes: "{elementCode}.{n}", n counting the element's catalogue outcomes from 1. The
/// catalogue only ever appends outcomes to an element, so a code keeps naming the same outcome.
/// </summary>
public static class OutcomeCodes
{
    public static string For(string elementCode, int index) => $"{elementCode}.{index + 1}";

    public static IEnumerable<string> Of(Element element) =>
        element.LearningOutcomes.Select((_, i) => For(element.Code, i));

    /// <summary>The element code of an outcome code ("ethos-and-environment.1" → "ethos-and-environment"), or null.</summary>
    public static string? ElementOf(string outcomeCode)
    {
        var dot = outcomeCode.LastIndexOf('.');
        return dot > 0 ? outcomeCode[..dot] : null;
    }
}
