using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Wolverine;
using Wolverine.Attributes;

namespace Dsl.Tests.Ops;

/// <summary>A message only this test sends; its handler fails while the fault is on.</summary>
[MessageIdentity("dsl.tests.fault-probe.v1")]
public sealed record FaultProbe(Guid Id);

public static class FaultProbeHandler
{
    public static volatile bool Failing;
    public static readonly ConcurrentBag<Guid> Handled = [];

    [MoveToErrorQueueOn(typeof(InvalidOperationException))]
    public static void Handle(FaultProbe probe)
    {
        if (Failing) throw new InvalidOperationException("fault probe: the downstream system is unavailable");
        Handled.Add(probe.Id);
    }
}

public sealed class DeadLetterTests(DslApp app) : Integrators.IntegratorTest(app)
{
    [Fact]
    public async Task a_failing_message_is_dead_lettered_and_replayed_once_after_the_fault_is_fixed()
    {
        var probe = new FaultProbe(Guid.NewGuid());
        FaultProbeHandler.Failing = true;
        try
        {
            await App.Host.MessageBus().PublishAsync(probe);
            JsonNode? dead = null;
            await Eventually(async () =>
            {
                dead = (await Json(await Admin.GetAsync("/api/ops/dead-letters?messageType=dsl.tests.fault-probe.v1", Ct)))["items"]!
                    .AsArray().SingleOrDefault();
                return dead is not null;
            }, "the message is dead-lettered");
            dead!["exceptionType"]!.GetValue<string>().ShouldBe("System.InvalidOperationException");
            dead["exceptionMessage"]!.GetValue<string>().ShouldContain("downstream system is unavailable");
            var ready = await Json(await App.Client(null).GetAsync("/health/ready", Ct));
            ready["checks"]!["message-store"]!["status"]!.GetValue<string>().ShouldBe("Degraded");
            ready["checks"]!["message-store"]!["data"]!["deadLetters"]!.GetValue<int>().ShouldBe(1);

            FaultProbeHandler.Failing = false;
            (await Admin.PostAsync($"/api/ops/dead-letters/{dead["id"]}/replay", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Eventually(() => FaultProbeHandler.Handled.Contains(probe.Id), "the replayed message is processed", rounds: 600);
            await Eventually(async () => (await Json(await Admin.GetAsync("/api/ops/dead-letters", Ct)))["totalCount"]!.GetValue<int>() == 0,
                "the dead letter is gone");
            await Task.Delay(500, Ct); // a second, wrong, processing would show up meanwhile
            FaultProbeHandler.Handled.Count(id => id == probe.Id).ShouldBe(1);
        }
        finally
        {
            FaultProbeHandler.Failing = false;
        }
    }

    [Fact]
    public async Task operations_endpoints_are_for_admins_and_unknown_ids_are_404()
    {
        (await Integrator.GetAsync("/api/ops/dead-letters", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Admin.PostAsync($"/api/ops/dead-letters/{Guid.NewGuid()}/replay", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var all = await Admin.PostAsync("/api/ops/dead-letters/replay", null, Ct);
        all.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Json(all))["replayed"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task readiness_reports_the_webhook_backlog()
    {
        var ready = await Json(await App.Client(null).GetAsync("/health/ready", Ct));
        var webhooks = ready["checks"]!["webhook-deliveries"]!;
        webhooks["status"]!.GetValue<string>().ShouldBe("Healthy");
        webhooks["data"]!["pending"]!.GetValue<long>().ShouldBe(0);
    }
}
