namespace Dsl.Curriculum;

/// <summary>The phase rules' periods (configuration section "Dsl:Curriculum").</summary>
public sealed class CurriculumOptions
{
    /// <summary>How long the embedding phase lasts at least (default 6 months, as 183 days).</summary>
    public TimeSpan EmbeddingPeriod { get; set; } = TimeSpan.FromDays(183);

    /// <summary>A lead not in embedding this long after confirmation is flagged reflectivePlanningOverdue (default 6 months).</summary>
    public TimeSpan ReflectivePlanningDue { get; set; } = TimeSpan.FromDays(183);

    /// <summary>How long a short-track lead may resume embedding after deferring it (default two academic years).</summary>
    public TimeSpan ResumeEmbeddingWindow { get; set; } = TimeSpan.FromDays(730);
}
