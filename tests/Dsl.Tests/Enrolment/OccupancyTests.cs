using System.Net.Http.Json;
using Dsl.Enrolment;
using Microsoft.Extensions.DependencyInjection;

namespace Dsl.Tests.Enrolment;

/// <summary>The place ledger reads cohort occupancy counters that a trigger keeps (ADR 0016); every test checks them on exit.</summary>
public sealed class OccupancyTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task a_database_from_before_the_counters_is_counted_once_they_are_created()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var first = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var second = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var independent = await Given.EndorsedEnrolment(await Given.Setting(type: "independentSchool"), cohort);
        (first.Status, second.Status, independent.Status).ShouldBe(("confirmed", "waitlisted", "waitlisted"));

        // As an existing database meets this version: no counters yet, the migration creates and fills them.
        await using (var drop = App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "drop function enrolment.count_cohort_occupancy() cascade; drop function enrolment.clear_cohort_occupancy() cascade; " +
            "drop table enrolment.cohort_occupancy"))
            await drop.ExecuteNonQueryAsync(Ct);
        await App.Host.Services.GetRequiredService<IEnrolmentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await App.OccupancyDrift()).ShouldBeEmpty();
        var view = await Given.Get($"/api/cohorts/{cohort}");
        (view["placesTaken"]!.GetValue<int>(), view["waitlistLength"]!.GetValue<int>()).ShouldBe((1, 2));

        // The ledger allocates from the rebuilt counters: the freed place goes to the state-funded setting first.
        (await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{first.Id}/withdrawal", new { reason = "leadLeft" }, Ct)))
            .EnsureSuccessStatusCode();
        (await Given.Get($"/api/enrolments/{second.Id}"))["status"]!.GetValue<string>().ShouldBe("placeOffered");
        (await Given.Get($"/api/enrolments/{independent.Id}"))["status"]!.GetValue<string>().ShouldBe("waitlisted");
        var full = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        full.Status.ShouldBe("waitlisted");
    }
}
