namespace Dsl.Curriculum.Elements;

/// <summary>One of the eight elements of a whole-school approach: the curriculum's spine.</summary>
public sealed class Element
{
    /// <summary>Stable code, e.g. "leadership-and-management".</summary>
    public string Code { get; set; } = "";
    public int Number { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The Public Health England principle this element is aligned to.</summary>
    public string PhePrinciple { get; set; } = "";
    public List<string> LearningOutcomes { get; set; } = [];
    /// <summary>The stable codes of <see cref="LearningOutcomes"/>, in the same order ("ethos-and-environment.1", …): what sign-offs name.</summary>
    public List<string> LearningOutcomeCodes => [.. OutcomeCodes.Of(this)];
    public List<LinkedResource> Resources { get; set; } = [];
    /// <summary>Version of the catalogue this element was seeded from.</summary>
    public int CatalogueVersion { get; set; }
}

public sealed record LinkedResource(string Title, string Url);
