namespace Dsl.Tests.ReferenceData;

public sealed class ReferenceDataTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task curriculum_has_the_eight_elements_in_order_with_learning_outcomes()
    {
        var page = await Json(await App.Client("lead", "100000").GetAsync("/api/curriculum/elements", Ct));

        var elements = page["items"]!.AsArray();
        elements.Select(e => e!["number"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        elements[1]!["title"]!.GetValue<string>().ShouldBe("Leadership and management");
        elements.ShouldAllBe(e => e!["learningOutcomes"]!.AsArray().Count > 0 && e["phePrinciple"]!.GetValue<string>().Length > 0);
        elements.ShouldAllBe(e => e!["learningOutcomeCodes"]!.AsArray().Count == e["learningOutcomes"]!.AsArray().Count
                                  && e["learningOutcomeCodes"]![0]!.GetValue<string>() == e["code"]!.GetValue<string>() + ".1");
        elements[6]!["code"]!.GetValue<string>().ShouldBe("targeted-support-and-referrals");
    }

    [Fact]
    public async Task one_element_is_read_by_its_code()
    {
        var element = await Json(await Admin.GetAsync("/api/curriculum/elements/parents-and-carers", Ct));

        element["number"]!.GetValue<int>().ShouldBe(8);
        element["title"]!.GetValue<string>().ShouldBe("Working with parents and carers");
    }

    [Fact]
    public async Task there_are_seven_regions()
    {
        var page = await Json(await Admin.GetAsync("/api/regions", Ct));

        page["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(
        [
            "North-East and Yorkshire", "North-West", "East of England", "Midlands", "London", "South East", "South West",
        ]);
    }

    [Fact]
    public async Task the_five_programme_years_have_5000_places_each()
    {
        var page = await Json(await Admin.GetAsync("/api/academic-years", Ct));

        var years = page["items"]!.AsArray();
        years.Select(y => y!["name"]!.GetValue<string>()).ShouldBe(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]);
        years.ShouldAllBe(y => y!["placeCap"]!.GetValue<int>() == 5000);
        years[0]!["startsOn"]!.GetValue<string>().ShouldBe("2019-09-01");
    }

    [Fact]
    public async Task an_admin_adds_a_year_that_is_then_listed()
    {
        var created = await Admin.PostAsync("/api/academic-years", Body(new { name = "2024/25", placeCap = 4500 }), Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/academic-years/2024-25");
        created.Headers.ETag.ShouldNotBeNull();
        var year = await Json(await Admin.GetAsync("/api/academic-years/2024-25", Ct));
        year["placeCap"]!.GetValue<int>().ShouldBe(4500);
        year["endsOn"]!.GetValue<string>().ShouldBe("2025-08-31");
    }
}
