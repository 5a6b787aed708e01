using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Certificates;

/// <summary>
/// A certificate of completion as issued: the facts a verifier may confirm, fixed when it was first downloaded for
/// a completion (a short-track lead who resumes and completes embedding later gets a second one). The id is random,
/// so verification addresses cannot be guessed from enrolment ids. No lead name: that stays in <see cref="LeadCertificateName"/>.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    /// <summary>completed (full track) or embeddingDeferred (short track).</summary>
    public ProgrammePhase Phase { get; set; }
    public string Track { get; set; } = "";
    public string SettingName { get; set; } = "";
    public DateTimeOffset ConfirmedAt { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    public double TotalHours { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    public const string Issuer = "DSL — Designated Senior Lead for Mental Health programme";

    /// <summary>When the lead completed: full track on entering completed, short track on entering embeddingDeferred.</summary>
    public static DateTimeOffset? CompletedAtOf(Progress.LeadProgress progress) =>
        progress.Phase is ProgrammePhase.Completed or ProgrammePhase.EmbeddingDeferred
            ? progress.Phases.LastOrDefault(p => p.Phase == progress.Phase)?.At
            : null;
}
