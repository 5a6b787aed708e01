namespace Dsl.Assessment.ActionPlans;

public static class ActionPlanRules
{
    /// <summary>
    /// Every gap that stops the plan being submitted, keyed by field: each element with neither an action nor a reason
    /// why none is needed ("elements.{code}"), and each action without an owner, a due date or a stakeholder
    /// ("actions[{i}].owner" …). Dropped actions do not count.
    /// </summary>
    public static Dictionary<string, string[]> SubmitGaps(ActionPlan plan, IReadOnlyList<string> elementCodes)
    {
        var gaps = new Dictionary<string, string[]>();
        foreach (var code in elementCodes)
        {
            var hasAction = plan.Actions.Any(a => a.ElementCode == code && a.Status != ActionStatus.Dropped);
            if (!hasAction && !plan.NoActionNeeded.ContainsKey(code))
                gaps[$"elements.{code}"] = [$"Element {code} needs at least one action, or a reason why none is needed."];
        }
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var action = plan.Actions[i];
            if (action.Status == ActionStatus.Dropped) continue;
            if (action.Owner is null || string.IsNullOrWhiteSpace(action.Owner.Role))
                gaps[$"actions[{i}].owner"] = [$"Action {action.Id} ({action.ElementCode}) needs an owner."];
            if (action.DueOn is null)
                gaps[$"actions[{i}].dueOn"] = [$"Action {action.Id} ({action.ElementCode}) needs a due date."];
            if (action.Stakeholders.Count == 0)
                gaps[$"actions[{i}].stakeholders"] = [$"Action {action.Id} ({action.ElementCode}) needs at least one stakeholder."];
        }
        return gaps;
    }

    /// <summary>Past its due date and neither done nor dropped.</summary>
    public static bool IsOverdue(PlanAction action, DateOnly today) =>
        action.DueOn < today && action.Status is not (ActionStatus.Done or ActionStatus.Dropped);

    /// <summary>Action counts per element code (0 where the plan says none is needed), without dropped actions.</summary>
    public static Dictionary<string, int> ActionCounts(ActionPlan plan, IReadOnlyList<string> elementCodes) =>
        elementCodes.ToDictionary(c => c, c => plan.Actions.Count(a => a.ElementCode == c && a.Status != ActionStatus.Dropped));

    /// <summary>After agreement, adding or dropping an action is a revision of the plan.</summary>
    public static void RecordRevision(ActionPlan plan, DateTimeOffset at, string change, PlanAction action)
    {
        if (plan.Status != ActionPlanStatus.Agreed) return;
        plan.Revisions.Add(new PlanRevision(plan.Revisions.Count + 1, at, change, action.Id, action.ElementCode));
    }
}
