using System.Diagnostics;

namespace Dsl.Tests.Ops;

public sealed class TracingTests(DslApp app) : Integrators.IntegratorTest(app)
{
    [Fact]
    public async Task one_trace_follows_an_endorsement_through_every_module_and_out_to_the_webhook()
    {
        await Subscribe(types: ["dsl.enrolment.confirmed.v1"]);
        var given = new Programme(App);
        var enrolment = await given.Enrolment(await given.Setting(), await given.Cohort());
        // The submission's events recorded first: a batch continues the trace of its first event, so the endorsement's
        // events must not share a batch with an earlier request's.
        await App.Settled();
        var endorsed = await given.AndWait(() => given.Endorse(enrolment));
        (await Json(endorsed))["status"]!.GetValue<string>().ShouldBe("confirmed");
        await Eventually(() => Spans().Any(s => s.DisplayName == "webhook delivery" && s.Duration > TimeSpan.Zero),
            "the confirmation is delivered");

        var request = Spans().Single(s => s.DisplayName == "POST /api/enrolments/{id}/endorsement");
        var trace = Spans().Where(s => s.TraceId == request.TraceId).ToList();
        // Each module takes the confirmation (and the lead's name) as its own update, in batches (ADR 0038).
        foreach (var (module, update) in new[] { ("curriculum", "curriculum"), ("assessment", "assessment"), ("awards", "awards"), ("peernetwork", "peer-network") })
        {
            // Usually one batch; the lead's name may follow the confirmation in a batch of its own.
            var spans = trace.Where(s => s.Source.Name == "Wolverine" && s.DisplayName == $"dsl.{update}.enrolment-update.v1"
                                         && s.Kind == ActivityKind.Internal && (string?)s.GetTagItem("dsl.module") == module).ToList();
            spans.ShouldNotBeEmpty($"{module} took the confirmation");
            spans.ShouldAllBe(s => s.ParentSpanId == request.SpanId, $"{module}'s batch continues the endorsement's trace");
            spans.ShouldAllBe(s => s.GetTagItem("dsl.enrolment_id")!.ToString() == enrolment.ToString(), $"{module}'s batch is about this enrolment alone");
        }
        // The log records events in batches (ADR 0036), here the endorsement and the confirmation, usually in one; a
        // batch continues the trace of its first event.
        var recorded = trace.Where(s => s.Source.Name == "Wolverine" && s.DisplayName == "dsl.host.record-integration-event.v1"
                                        && (string?)s.GetTagItem("dsl.module") == "integrators").ToList();
        recorded.ShouldNotBeEmpty();
        recorded.ShouldAllBe(s => s.ParentSpanId == request.SpanId && s.GetTagItem("dsl.batch_size") != null);
        var delivery = trace.Single(s => s.DisplayName == "webhook delivery");
        delivery.ParentSpanId.ShouldBe(request.SpanId, "the delivery continues the trace of the work that published the event");
        delivery.GetTagItem("dsl.outcome").ShouldBe("delivered");
        trace.ShouldContain(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == delivery.SpanId, "the outbound POST");

        // Every DSL handler's span says its module and, for one message, what it is about (a batch of several cannot).
        foreach (var handler in trace.Where(s => s.Source.Name == "Wolverine" && s.Kind == ActivityKind.Internal && s.GetTagItem("dsl.module") is not null
                                                 && s.GetTagItem("dsl.batch_size") is null or 1))
        {
            handler.GetTagItem("dsl.enrolment_id")?.ToString().ShouldBe(enrolment.ToString());
            handler.GetTagItem("dsl.region").ShouldBe("london");
            handler.GetTagItem("dsl.module").ShouldNotBeNull();
        }
        trace.Where(s => s.Source.Name.StartsWith("Npgsql")).ShouldNotBeEmpty("database work inside the trace is traced");
    }

    [Fact]
    public async Task background_polling_makes_no_database_spans()
    {
        await Task.Delay(1500, Ct); // the durability agent and the delivery worker poll meanwhile
        Spans().Where(s => s.Source.Name.StartsWith("Npgsql") && s.ParentSpanId == default)
            .ShouldBeEmpty("only database work that belongs to a request or message is traced");
    }

    private List<Activity> Spans()
    {
        lock (App.Spans) return App.Spans.ToList();
    }
}
