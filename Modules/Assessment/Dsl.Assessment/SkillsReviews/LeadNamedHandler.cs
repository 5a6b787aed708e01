using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.SkillsReviews;

/// <summary>Keeps the lead's latest name for the rater's questionnaire (a replaced lead overwrites it).</summary>
public static class LeadNamedHandler
{
    public static IMartenOp Handle(LeadNamed named) =>
        MartenOps.Store(new ReviewedLead { Id = named.EnrolmentId, LeadName = named.LeadName });
}
