using System.Diagnostics;

namespace Dsl.Tests.Ops;

public sealed class TracingTests(DslApp app) : Integrators.IntegratorTest(app)
{
    [Fact]
    public async Task one_trace_follows_an_endorsement_through_every_module_and_out_to_the_webhook()
    {
        await Subscribe(types: ["dsl.enrolment.confirmed.v1"]);
        var given = new Programme(App);
        var (enrolment, status) = await given.EndorsedEnrolment(await given.Setting(), await given.Cohort());
        status.ShouldBe("confirmed");
        await Eventually(() => Spans().Any(s => s.DisplayName == "webhook delivery" && s.Duration > TimeSpan.Zero),
            "the confirmation is delivered");

        var request = Spans().Single(s => s.DisplayName == "POST /api/enrolments/{id}/endorsement");
        var trace = Spans().Where(s => s.TraceId == request.TraceId).ToList();
        Span(trace, "dsl.enrolment.confirmed.v1", "curriculum").ParentSpanId.ShouldBe(request.SpanId);
        Span(trace, "dsl.enrolment.confirmed.v1", "peernetwork").ParentSpanId.ShouldBe(request.SpanId);
        var recorded = Span(trace, "dsl.enrolment.confirmed.v1", "integrators");
        recorded.ParentSpanId.ShouldBe(request.SpanId);
        var delivery = trace.Single(s => s.DisplayName == "webhook delivery");
        delivery.ParentSpanId.ShouldBe(recorded.SpanId, "the delivery continues the trace of the handler that recorded the event");
        delivery.GetTagItem("dsl.outcome").ShouldBe("delivered");
        trace.ShouldContain(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == delivery.SpanId, "the outbound POST");

        foreach (var handler in trace.Where(s => s.Source.Name == "Wolverine" && s.Kind == ActivityKind.Internal))
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

    private static Activity Span(List<Activity> trace, string messageType, string module) =>
        trace.Single(s => s.Source.Name == "Wolverine" && s.DisplayName == messageType && s.Kind == ActivityKind.Internal
            && (string?)s.GetTagItem("dsl.module") == module);

    private List<Activity> Spans()
    {
        lock (App.Spans) return App.Spans.ToList();
    }
}
