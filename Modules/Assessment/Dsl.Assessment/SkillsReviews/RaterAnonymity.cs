using System.Text.Json;

namespace Dsl.Assessment.SkillsReviews;

/// <summary>Raters whose answers the report may show together under one label.</summary>
public sealed record VisibleGroup<T>(string Label, IReadOnlyList<T> Raters);

/// <summary>
/// The usual 360° anonymity rules (ADR 0025): a group is shown only with at least three raters, except the line
/// manager, who is not anonymous and is shown alone; the smaller groups are pooled into "others" when the pool reaches
/// three, else withheld. Whatever is withheld is left out of every figure, the overall mean too, so it cannot be
/// derived by subtraction.
/// </summary>
public static class RaterAnonymity
{
    public const int MinimumGroupSize = 3;
    public const string Others = "others";

    public static string LabelOf(RaterGroup group) => JsonNamingPolicy.CamelCase.ConvertName(group.ToString());

    public static IReadOnlyList<VisibleGroup<T>> VisibleGroups<T>(IEnumerable<T> raters, Func<T, RaterGroup> groupOf)
    {
        var byGroup = raters.GroupBy(groupOf).ToDictionary(g => g.Key, g => g.ToList());
        var visible = new List<VisibleGroup<T>>();
        var pool = new List<T>();
        foreach (var group in Enum.GetValues<RaterGroup>())
        {
            if (!byGroup.TryGetValue(group, out var members)) continue;
            if (group == RaterGroup.LineManager || members.Count >= MinimumGroupSize)
                visible.Add(new VisibleGroup<T>(LabelOf(group), members));
            else
                pool.AddRange(members);
        }
        if (pool.Count >= MinimumGroupSize) visible.Add(new VisibleGroup<T>(Others, pool));
        return visible;
    }

    /// <summary>The visible raters' comments, without who or which group wrote them, in random order.</summary>
    public static IReadOnlyList<RaterComment> ShuffledComments(IEnumerable<VisibleGroup<RaterResponse>> visible, Random random)
    {
        var comments = visible.SelectMany(g => g.Raters).SelectMany(r => r.Comments).ToArray();
        random.Shuffle(comments);
        return comments;
    }
}
