using System.Net.Http.Json;
using Dsl.Tests.Assessment;
using Dsl.Tests.Awards;
using Microsoft.Extensions.DependencyInjection;

namespace Dsl.Tests.DataProtection;

public sealed class AwardsErasureTests(DslApp app) : ApiTest(app)
{
    private const string Name = "Philippa Umbridge-Nakashima";

    [Fact]
    public async Task erasing_a_lead_anonymises_award_text_that_names_them_and_keeps_the_award()
    {
        var given = new AwardsGiven(App);
        var (urn, enrolmentId) = await given.SettingThatCompletedEmbedding();
        var head = given.As("head", urn);
        var (id, etag) = await AwardsGiven.Start(head, urn);
        etag = await AwardsGiven.WriteAll(head, id, etag, AssessmentGiven.Elements.Skip(1));
        (await AwardsGiven.Write(head, id, etag, AssessmentGiven.Elements[0], $"{Name} led the ethos review")).EnsureSuccessStatusCode();
        (await head.PostAsync($"/api/awards/applications/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync($"/api/awards/applications/{id}/assignment", new { assessorId = AwardsGiven.Assessor }, Ct)).EnsureSuccessStatusCode();
        var assessor = given.As("assessor", subject: AwardsGiven.Assessor);
        await AwardsGiven.Judge(assessor, id, _ => "met");
        (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision", new { outcome = "awarded", feedback = $"Thanks to {Name}." }, Ct))
            .EnsureSuccessStatusCode();
        var database = App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        (await DatabaseSearch.TablesContaining(database, Name)).ShouldContain("awards.mt_doc_awardapplication");
        var awards = await Admin.GetStringAsync($"/api/awards?settingUrn={urn}", Ct);

        var erased = await new DataProtectionGiven(App).AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{enrolmentId}/lead/erasure",
            new { reason = "Asked to be forgotten", requestedOn = "2026-11-30" }, Ct));
        var request = await Json(await Admin.GetAsync(erased.Headers.Location, Ct));

        request["status"]!.GetValue<string>().ShouldBe("completed");
        request["modules"]!.AsArray().Single(m => m!["module"]!.GetValue<string>() == "Awards")!["kinds"]!.AsArray()
            .Select(k => k!.GetValue<string>()).ShouldBe(["applicationText"]);
        (await DatabaseSearch.TablesContaining(database, Name)).ShouldBeEmpty();
        (await Admin.GetStringAsync($"/api/awards?settingUrn={urn}", Ct)).ShouldBe(awards, "the award and its counts stay");
    }
}
