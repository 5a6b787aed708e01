using Dsl.BuildingBlocks.Contracts;
using Dsl.Host.Integrators.Broker;
using Dsl.Host.Integrators.Catalogue;
using Dsl.Host.Integrators.Events;
using Microsoft.Extensions.Configuration;
using Wolverine.Attributes;

namespace Dsl.Rules.Tests.Integrators;

/// <summary>A public event of a module whose name has a dash, as any module's contracts would declare one.</summary>
[MessageIdentity("dsl.peer-network.set-formed.v1")]
public sealed record ActionLearningSetFormed : IntegrationEvent
{
    public Guid SetId { get; init; }
    public int Members { get; init; }

    protected override string SubjectId => SetId.ToString();
}

public sealed class IntegrationEventCatalogueTests
{
    private static readonly IntegrationEventCatalogue Catalogue = IntegrationEventCatalogue.From([typeof(ActionLearningSetFormed).Assembly]);

    [Theory]
    [InlineData("dsl.enrolment.confirmed.v1", "enrolment")]
    [InlineData("dsl.peer-network.set-formed.v1", "peer-network")]
    [InlineData("dsl.curriculum.lead-progressed.v12", "curriculum")]
    [InlineData("dsl.enrolment.confirmed", null)]
    [InlineData("dsl.Enrolment.confirmed.v1", null)]
    [InlineData("dsl.peer--network.set-formed.v1", null)]
    [InlineData("dsl.enrolment.confirmed.v0", null)]
    public void the_module_is_read_from_the_type_name(string typeName, string? module) =>
        IntegrationEventCatalogue.ModuleOf(typeName).ShouldBe(module);

    [Fact]
    public void any_modules_contract_becomes_a_cloud_event_from_that_module()
    {
        var type = Catalogue.For(typeof(ActionLearningSetFormed));
        var formed = new ActionLearningSetFormed
        {
            EventId = Guid.CreateVersion7(), OccurredAt = Given.Now, Region = "london", SetId = Guid.CreateVersion7(), Members = 6,
        };

        var cloudEvent = CloudEvent.From(formed, type);

        (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject).ShouldBe(("urn:dsl:peer-network", "dsl.peer-network.set-formed.v1", formed.SetId.ToString()));
        cloudEvent.Data.GetProperty("members").GetInt32().ShouldBe(6);
        cloudEvent.Data.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        cloudEvent.Data.TryGetProperty("subjectId", out _).ShouldBeFalse("the subject is the envelope's, not repeated in the data");
    }

    [Fact]
    public void the_asyncapi_document_describes_it_with_its_source_and_data_schema()
    {
        var document = AsyncApiDocument.Build(Catalogue, "dsl.example", new IntegrationBroker(new ConfigurationBuilder().Build()));

        document["channels"]!["ActionLearningSetFormed"]!["address"]!.GetValue<string>().ShouldBe("dsl.peer-network.set-formed.v1");
        var schemas = document["components"]!["schemas"]!;
        schemas["ActionLearningSetFormedCloudEvent"]!["properties"]!["source"]!["const"]!.GetValue<string>().ShouldBe("urn:dsl:peer-network");
        var data = schemas["ActionLearningSetFormed"]!["properties"]!.AsObject();
        data.Select(p => p.Key).ShouldBe(["eventId", "occurredAt", "region", "schemaVersion", "setId", "members"], ignoreOrder: true);
        schemas["ActionLearningSetFormed"]!["description"]!.GetValue<string>()
            .ShouldBe("A public event of a module whose name has a dash, as any module's contracts would declare one.");
    }

    [Fact]
    public void delivery_spans_name_the_subject_by_what_the_event_is_about()
    {
        var catalogue = IntegrationEventCatalogue.Instance;
        catalogue.For(typeof(Dsl.Enrolment.Contracts.EnrolmentConfirmed)).SubjectTag.ShouldBe("dsl.enrolment_id");
        catalogue.For(typeof(Dsl.Curriculum.Contracts.LeadProgressed)).SubjectTag.ShouldBe("dsl.enrolment_id");
        catalogue.For(typeof(Dsl.Enrolment.Contracts.CohortScheduled)).SubjectTag.ShouldBe("dsl.cohort_id");
        Catalogue.For(typeof(ActionLearningSetFormed)).SubjectTag.ShouldBeNull();
    }

    [Fact]
    public void the_hosts_catalogue_holds_every_modules_public_events()
    {
        var modules = IntegrationEventCatalogue.Instance.Types.GroupBy(t => t.Module).ToDictionary(g => g.Key, g => g.Select(t => t.Name).ToList());

        modules["enrolment"].ShouldContain("dsl.enrolment.cohort-scheduled.v1");
        modules["enrolment"].ShouldContain("dsl.enrolment.cohort-changed.v1");
        modules["curriculum"].ShouldBe(["dsl.curriculum.lead-progressed.v1", "dsl.curriculum.programme-completed.v1",
            "dsl.curriculum.workshop-scheduled.v1", "dsl.curriculum.workshop-cancelled.v1"], ignoreOrder: true);
        IntegrationEventCatalogue.Instance.Types.ShouldNotContain(t => t.ClrType == typeof(ActionLearningSetFormed),
            "a test's contract is not one the host publishes");
    }
}
