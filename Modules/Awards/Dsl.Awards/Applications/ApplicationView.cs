namespace Dsl.Awards.Applications;

/// <summary>An application as its readers see it, with its ETag as <see cref="Version"/>.</summary>
public sealed record ApplicationView(Guid Id, string SettingUrn, string Region, ApplicationKind Kind, ApplicationStatus Status,
    string CriteriaVersion, Guid? RenewsAwardId, IReadOnlyList<ElementView> Elements, string? AssessorId,
    IReadOnlyList<EvidenceRequest> EvidenceRequests, string? Feedback, Guid? AwardId, DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, int Version)
{
    public static ApplicationView From(AwardApplication a, Eligibility.AwardCriteria criteria) => new(a.Id, a.SettingUrn, a.Region, a.Kind, a.Status,
        a.CriteriaVersion, a.RenewsAwardId,
        criteria.ElementCodes.Select(code => new ElementView(code, a.Elements.GetValueOrDefault(code)?.Statement,
            a.Elements.GetValueOrDefault(code)?.Evidence ?? [], a.Judgements.GetValueOrDefault(code))).ToList(),
        a.AssessorId, a.EvidenceRequests, a.Feedback, a.AwardId, a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.Version);
}

/// <summary>One element: the setting's statement and evidence, and the assessor's judgement once made.</summary>
public sealed record ElementView(string Code, string? Statement, IReadOnlyList<EvidenceItem> Evidence, Judgement? Judgement);
