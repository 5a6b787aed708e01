using Dsl.PeerNetwork.Sets;

namespace Dsl.Rules.Tests.PeerNetwork;

public sealed class PresenterRotationTests
{
    private static ActionLearningSet Set(int members, int sessions)
    {
        var set = new ActionLearningSet
        {
            Id = Guid.CreateVersion7(), CadenceWeeks = 6, SessionCount = sessions,
            Members = Enumerable.Range(0, members).Select(_ => new SetMember { EnrolmentId = Guid.CreateVersion7(), SettingUrn = "100000" }).ToList(),
        };
        set.Generate(Given.Now);
        return set;
    }

    [Theory]
    [InlineData(5, 8)]
    [InlineData(6, 6)]
    [InlineData(8, 4)]
    [InlineData(7, 10)]
    public void nobody_presents_twice_before_everyone_has_presented_once(int members, int sessions)
    {
        var set = Set(members, sessions);

        var plan = PresenterRotation.Plan(set);

        var order = Enumerable.Range(1, sessions).SelectMany(n => plan[n]).ToList();
        order.Take(members).ShouldBe(set.Members.Select(m => m.EnrolmentId), ignoreOrder: true);
        var counts = set.Members.ToDictionary(m => m.EnrolmentId, _ => 0);
        foreach (var presenter in order)
        {
            counts[presenter].ShouldBe(counts.Values.Min(), "a presenter never gets ahead of someone yet to present");
            counts[presenter]++;
        }
    }

    [Fact]
    public void a_presenter_who_missed_their_turn_presents_at_the_next_session()
    {
        var set = Set(6, 6);
        var due = PresenterRotation.Plan(set)[1].Single();
        var attended = set.Members.Select(m => m.EnrolmentId).Where(m => m != due).ToList();

        set.Sessions[0].Presented = [.. PresenterRotation.DueAt(set, 1, attended)];
        set.Sessions[0].Attended = attended;

        set.Sessions[0].Presented.ShouldBeEmpty();
        PresenterRotation.Plan(set)[2].ShouldBe([due]);
    }

    [Fact]
    public void the_next_presenters_are_shown_in_advance()
    {
        var set = Set(8, 4);

        var plan = PresenterRotation.Plan(set);

        plan.Keys.ShouldBe([1, 2, 3, 4]);
        plan.Values.ShouldAllBe(p => p.Count == 2);
    }
}
