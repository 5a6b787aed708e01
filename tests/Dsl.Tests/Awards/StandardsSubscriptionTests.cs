using System.Net.Http.Json;
using Dsl.Awards.Contracts;
using Dsl.Awards.Standards;
using Wolverine.Tracking;

namespace Dsl.Tests.Awards;

public sealed class StandardsSubscriptionTests(DslApp app) : ApiTest(app)
{
    private AwardsGiven Given => new(App);

    [Fact]
    public async Task a_setting_after_embedding_subscribes_lapses_when_its_review_is_30_days_overdue_and_renews_by_reviewing()
    {
        var (notYet, _) = await Given.SettingThatCompletedEmbedding(complete: false);
        (await Given.As("head", notYet).PostAsJsonAsync("/api/awards/standards-subscriptions", new { settingUrn = notYet }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (urn, enrolmentId) = await Given.SettingThatCompletedEmbedding(reviewLevel: 2);
        var head = Given.As("head", urn);
        var created = await head.PostAsJsonAsync("/api/awards/standards-subscriptions", new { settingUrn = urn }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var subscription = await Json(created);
        var id = subscription["id"]!.GetValue<Guid>();
        var due = subscription["reviewDueAt"]!.GetValue<DateTimeOffset>();
        due.ShouldBe(subscription["subscribedAt"]!.GetValue<DateTimeOffset>().AddDays(365));
        (await head.PostAsJsonAsync("/api/awards/standards-subscriptions", new { settingUrn = urn }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Given.As("head", "100001").GetAsync($"/api/awards/standards-subscriptions/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        App.Clock.Advance(due.AddDays(29) - App.Clock.GetUtcNow());
        (await App.Host.InvokeMessageAndWaitAsync(new LapseStandardsSubscription(id, due))).PublishedEvents<StandardsLapsed>().ShouldBeEmpty();
        App.Clock.Advance(TimeSpan.FromDays(2));
        var lapsed = await App.Host.InvokeMessageAndWaitAsync(new LapseStandardsSubscription(id, due));
        var published = lapsed.PublishedEvents<StandardsLapsed>().Single();
        (published.SubscriptionId, published.SettingUrn, published.ReviewDueAt).ShouldBe((id, urn, due));
        (await Json(await head.GetAsync($"/api/awards/standards-subscriptions/{id}", Ct)))["status"]!.GetValue<string>().ShouldBe("lapsed");

        (await head.PostAsJsonAsync($"/api/awards/standards-subscriptions/{id}/reviews", new { selfAssessmentId = Guid.NewGuid(), statement = "x" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var review = await Given.Assessment.Submitted(Given.As("lead", urn), enrolmentId, _ => 3);
        var renewed = await head.PostAsJsonAsync($"/api/awards/standards-subscriptions/{id}/reviews",
            new { selfAssessmentId = review, statement = "Every element now developing; the pupil panel meets termly." }, Ct);
        renewed.StatusCode.ShouldBe(HttpStatusCode.OK, await renewed.Content.ReadAsStringAsync(Ct));
        var read = await Json(renewed);
        read["status"]!.GetValue<string>().ShouldBe("active");
        read["reviewDueAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(App.Clock.GetUtcNow().AddDays(364));
        (await App.Host.InvokeMessageAndWaitAsync(new LapseStandardsSubscription(id, due))).PublishedEvents<StandardsLapsed>().ShouldBeEmpty();
    }
}
