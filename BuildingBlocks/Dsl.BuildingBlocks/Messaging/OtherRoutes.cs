using System.Reflection;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Routing;

namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// The routes every other route source finds for a message: what a terminating route source that adds routes must
/// return beside its own, since Wolverine stops at the first terminating source that found any. Found the way
/// Wolverine's own lookup finds them, but not through <c>runtime.RoutingFor</c>: that caches what it finds, and a
/// message routed for the first time on two threads at once would then, for a moment, be sent by the other thread
/// with the other sources' routes only (ADR 0039: events missing from the integration event log).
/// </summary>
public static class OtherRoutes
{
    // Wolverine keeps its list of route sources internal (6.62: WolverineOptions.RouteSources()); checked when the
    // host starts (the first lookup) and by a test, so an upgrade that moves it fails loudly rather than routing less.
    private static readonly MethodInfo Sources =
        typeof(WolverineOptions).GetMethod("RouteSources", BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is
            { } method && typeof(IEnumerable<IMessageRouteSource>).IsAssignableFrom(method.ReturnType)
            ? method
            : throw new InvalidOperationException("WolverineOptions.RouteSources() is gone: see ADR 0039 before upgrading Wolverine");

    public static IMessageRoute[] Find(IMessageRouteSource self, Type messageType, IWolverineRuntime runtime)
    {
        var routes = new List<IMessageRoute>();
        foreach (var source in (IEnumerable<IMessageRouteSource>)Sources.Invoke(runtime.Options, null)!)
        {
            if (ReferenceEquals(source, self)) continue;
            routes.AddRange(source.FindRoutes(messageType, runtime));
            // The same rule as Wolverine's: a terminating source that found something ends the search.
            if (routes.Count != 0 && !source.IsAdditive) break;
        }
        return [.. routes];
    }
}
