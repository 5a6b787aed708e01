using JasperFx;

namespace Dsl.Assessment.SkillsFramework;

/// <summary>One management skill of the lead's 360° review: the behaviours raters score 1 rarely … 5 consistently.</summary>
public sealed class Competency : IRevisioned, IFrameworkItem
{
    /// <summary>The competency's code, e.g. "communicating-the-vision".</summary>
    public string Code { get; set; } = "";
    public int Number { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Three to five behaviour statements, each with a code raters' answers refer to.</summary>
    public List<BehaviourStatement> Statements { get; set; } = [];
    /// <summary>Version of the framework file this competency was seeded from.</summary>
    public int FrameworkVersion { get; set; }
    public int Version { get; set; }
}

public sealed record BehaviourStatement(string Code, string Text);

public sealed record RatingLevel(int Rating, string Code, string Title);
