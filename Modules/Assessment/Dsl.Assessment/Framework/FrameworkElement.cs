using JasperFx;

namespace Dsl.Assessment.Framework;

/// <summary>The maturity scale every element is rated on.</summary>
public enum MaturityLevel
{
    NotYetStarted = 1,
    Emerging = 2,
    Developing = 3,
    Embedded = 4,
}

/// <summary>One element of the self-assessment framework: the questions that guide the rating and what each level looks like.</summary>
public sealed class FrameworkElement : IRevisioned, IFrameworkItem
{
    /// <summary>The element's code, as in the curriculum's catalogue, e.g. "leadership-and-management".</summary>
    public string Code { get; set; } = "";
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public List<GuidingPrompt> Prompts { get; set; } = [];
    /// <summary>A one-line descriptor per level code (notYetStarted, emerging, developing, embedded).</summary>
    public Dictionary<string, string> Descriptors { get; set; } = [];
    /// <summary>Version of the framework file this element was seeded from.</summary>
    public int FrameworkVersion { get; set; }
    public int Version { get; set; }
}

public sealed record GuidingPrompt(string Id, string Text);

public sealed record ScaleLevel(int Level, string Code, string Title);
