using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;
using Dsl.Enrolment.Enrolments;
using Dsl.Enrolment.Placement;
using Dsl.Enrolment.Settings;
using Microsoft.Extensions.Options;

namespace Dsl.Rules.Tests.Enrolment;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

public sealed class EnrolmentLifecycleRulesTests
{
    private static Enrolment Submitted(Funding funding = Funding.StateFunded) => Enrolment.Create(new EnrolmentStarted(
        Guid.CreateVersion7(), "137000", funding, "london", Guid.CreateVersion7(), "2026-27", Track.Full,
        Guid.CreateVersion7(), Given.Now, SettingPhase.Primary, SettingType.MaintainedSchool));

    private static Enrolment Confirmed()
    {
        var enrolment = Submitted();
        enrolment.Apply(new Endorsed("Pat Head", "head", Given.Now));
        enrolment.Apply(new PlaceAllocated(Given.Now));
        return enrolment;
    }

    [Fact]
    public void independents_queue_behind_every_state_funded_setting()
    {
        Submitted(Funding.Independent).QueuePriority.ShouldBe(1);
        Submitted().QueuePriority.ShouldBe(0);
    }

    [Fact]
    public void a_place_is_held_from_allocation_or_offer_until_withdrawal_or_lapse()
    {
        var enrolment = Confirmed();
        (enrolment.Status, enrolment.HoldsPlace).ShouldBe((EnrolmentStatus.Confirmed, true));

        enrolment.Apply(new Withdrawn(WithdrawalReason.LeadLeft, Given.Now));
        (enrolment.Status, enrolment.HoldsPlace, enrolment.IsActive).ShouldBe((EnrolmentStatus.Withdrawn, false, false));

        var waiting = Submitted();
        waiting.Apply(new Waitlisted(Given.Now));
        waiting.Apply(new PlaceOfferMade(Guid.CreateVersion7(), Given.Now.AddDays(7), Given.Now));
        (waiting.Status, waiting.HoldsPlace).ShouldBe((EnrolmentStatus.PlaceOffered, true));
        waiting.Apply(new PlaceOfferLapsed(waiting.Offer!.OfferId, Given.Now.AddDays(7)));
        (waiting.Status, waiting.HoldsPlace, waiting.Offer).ShouldBe((EnrolmentStatus.Waitlisted, false, null));
        waiting.WaitlistedAt.ShouldBe(Given.Now.AddDays(7), "an expired offer goes to the back of the line");
    }

    [Fact]
    public void a_replacement_leads_endorsement_returns_to_the_place_already_held()
    {
        var enrolment = Confirmed();
        enrolment.Apply(new LeadChanged(Guid.CreateVersion7(), Given.Now));
        (enrolment.Status, enrolment.HoldsPlace, enrolment.Endorsement).ShouldBe((EnrolmentStatus.AwaitingEndorsement, true, null));

        enrolment.Apply(new Endorsed("Pat Head", "head", Given.Now));
        enrolment.Status.ShouldBe(EnrolmentStatus.Confirmed);
    }

    [Fact]
    public void the_funded_place_counts_as_used_from_the_embedding_phase()
    {
        var enrolment = Confirmed();
        enrolment.Apply(new PhaseReached(ProgrammePhase.ReflectivePlanning, Given.Now));
        enrolment.UsedFundedPlace.ShouldBeFalse();
        enrolment.Apply(new PhaseReached(ProgrammePhase.Embedding, Given.Now));
        enrolment.UsedFundedPlace.ShouldBeTrue();
    }

    [Fact]
    public void withdrawal_is_for_the_settings_head_or_an_admin_while_the_enrolment_is_active()
    {
        var enrolment = Confirmed();

        WithdrawEnrolmentEndpoint.Validate(enrolment, Given.User("head", "137000")).Passes().ShouldBeTrue();
        WithdrawEnrolmentEndpoint.Validate(enrolment, Given.User("head", "999999")).Status.ShouldBe(404,
            "another setting's enrolment is not found, never forbidden");
        WithdrawEnrolmentEndpoint.Validate(enrolment, Given.User("lead", "137000")).Status.ShouldBe(403);
        enrolment.Apply(new Withdrawn(WithdrawalReason.Other, Given.Now));
        var again = WithdrawEnrolmentEndpoint.Validate(enrolment, Given.User("admin"));
        again.Status.ShouldBe(409);
        again.Extensions["currentStatus"].ShouldBe("withdrawn");
    }

    [Fact]
    public void an_offer_can_be_accepted_only_until_it_expires()
    {
        var enrolment = Submitted();
        enrolment.Apply(new Waitlisted(Given.Now));
        enrolment.Apply(new PlaceOfferMade(Guid.CreateVersion7(), Given.Now.AddDays(7), Given.Now));
        var clock = Given.Clock();

        AcceptPlaceOfferEndpoint.Validate(enrolment, Given.User("admin"), clock).Passes().ShouldBeTrue();
        clock.Advance(TimeSpan.FromDays(7));
        AcceptPlaceOfferEndpoint.Validate(enrolment, Given.User("admin"), clock).Status.ShouldBe(409);
    }

    [Fact]
    public void a_phase_message_never_moves_a_lead_back()
    {
        var enrolment = Confirmed();
        enrolment.Apply(new PhaseReached(ProgrammePhase.Embedding, Given.Now));

        LeadProgressedHandler.Handle(new LeadProgressed { EnrolmentId = enrolment.Id, Phase = ProgrammePhase.ReflectivePlanning },
            enrolment).ShouldBeEmpty();
        LeadProgressedHandler.Handle(new LeadProgressed { EnrolmentId = enrolment.Id, Phase = ProgrammePhase.Completed, OccurredAt = Given.Now },
            enrolment).ShouldBe([new PhaseReached(ProgrammePhase.Completed, Given.Now)]);
    }

    [Fact]
    public void a_quiet_confirmed_lead_is_marked_at_risk_and_an_active_one_is_left_to_the_next_sweep()
    {
        var enrolment = Confirmed();
        var clock = Given.Clock();
        var options = Options.Create(new EnrolmentOptions { InactivityPeriod = TimeSpan.FromDays(30) });
        var check = new CheckEnrolmentActivity(enrolment.Id);

        clock.Advance(TimeSpan.FromDays(10));
        var (none, nothing) = CheckEnrolmentActivityHandler.Handle(check, enrolment, clock, options);
        none.ShouldBeEmpty();
        nothing.ShouldBeEmpty("the daily sweep looks again; no check is scheduled per enrolment");

        clock.Advance(TimeSpan.FromDays(20));
        var (events, messages) = CheckEnrolmentActivityHandler.Handle(check, enrolment, clock, options);
        events.ShouldBe([new MarkedAtRisk("noActivity", clock.GetUtcNow())]);
        var atRisk = messages.OfType<EnrolmentAtRisk>().Single();
        (atRisk.Reason, atRisk.SettingPhase, atRisk.SettingType).ShouldBe(("noActivity", "primary", "maintainedSchool"));
    }
}
