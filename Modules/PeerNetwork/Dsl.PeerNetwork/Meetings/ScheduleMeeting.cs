using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.PeerNetwork.Meetings;

/// <param name="StartsAt">With its offset.</param>
/// <param name="LinkOrVenue">A video link or a venue.</param>
/// <param name="ElementCodes">The curriculum elements the meeting reflects on.</param>
public sealed record ScheduleMeeting(string Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? LinkOrVenue, string? Topic,
    IReadOnlyList<string>? ElementCodes)
{
    public sealed class Validator : AbstractValidator<ScheduleMeeting>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
            RuleFor(x => x.StartsAt).NotNull();
            RuleFor(x => x.EndsAt).NotNull().GreaterThan(x => x.StartsAt).WithMessage("endsAt must be after startsAt.");
            RuleFor(x => x.LinkOrVenue).MaximumLength(500);
            RuleFor(x => x.Topic).MaximumLength(1000);
            RuleForEach(x => x.ElementCodes).NotEmpty().MaximumLength(20);
        }
    }
}

public static class ScheduleMeetingEndpoint
{
    public static ProblemDetails Validate(string region) =>
        ProgrammeRegions.Exists(region) ? WolverineContinue.NoProblems : MeetingAccess.NotFound(region);

    /// <summary>Schedules a reflective-practice meeting of a regional network (admin or facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/peer-network/networks/{region}/meetings", OperationId = "ScheduleNetworkMeeting")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Schedule a network meeting")]
    public static (Created<MeetingView>, IMartenOp) Post(ScheduleMeeting command, string region, ClaimsPrincipal user, TimeProvider clock)
    {
        var meeting = new NetworkMeeting
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), Region = region, Title = command.Title.Trim(), StartsAt = command.StartsAt!.Value,
            EndsAt = command.EndsAt!.Value, LinkOrVenue = command.LinkOrVenue?.Trim(), Topic = command.Topic?.Trim(),
            ElementCodes = [.. command.ElementCodes ?? []], ScheduledBy = user.UserId(), ScheduledAt = clock.GetUtcNow(),
        };
        return (TypedResults.Created($"/api/peer-network/networks/{region}/meetings/{meeting.Id}", MeetingView.From(meeting)),
            MartenOps.Insert(meeting));
    }
}
