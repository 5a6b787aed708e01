using Microsoft.AspNetCore.Http;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Answers 404 for a route naming the empty GUID (<c>00000000-0000-0000-0000-000000000000</c>), before any
/// endpoint loads it. No DSL resource can have that id: Marten assigns a fresh id to a document saved with
/// it and refuses it as an event stream id. The refusal is the reason this exists: loading an aggregate for
/// writing ([WriteAggregate]) with the empty GUID throws instead of finding nothing, which answered 500.
/// Runs after authorisation, so a caller without the right role still gets 401/403 and learns nothing.
/// </summary>
public sealed class EmptyIds(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string { Length: >= 32 } text && Guid.TryParse(text, out var id) && id == Guid.Empty)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Results.Problem(Problems.NotFound($"There is nothing with the {name} {text}: no resource has the empty id."))
                    .ExecuteAsync(context);
            }
        }
        return next(context);
    }
}
