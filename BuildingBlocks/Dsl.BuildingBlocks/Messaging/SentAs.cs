using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Routing;
using Wolverine.Transports.Sending;

namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// Messages a consumer takes as another message of its own: converted as they are sent, so the converted message rides
/// the publisher's outbox (persisted in the publisher's transaction) to the consumer's own queue, and messages of
/// different types share one batch there in the order they were sent (ADR 0036, 0038). Wolverine batches one message
/// type with one consumer; this is how several types, and several consumers of one type, get there. The routes to
/// handlers of the message itself are kept beside the conversions.
/// </summary>
public sealed class SentAs : IMessageRouteSource
{
    private readonly List<Conversion> _conversions = [];
    private readonly Dictionary<Type, Func<object, object, object>> _combinations = [];

    /// <summary>The host's one instance: created and registered as a route source the first time it is asked for.</summary>
    public static SentAs In(WolverineOptions opts)
    {
        if (opts.Services.FirstOrDefault(d => d.ServiceType == typeof(SentAs))?.ImplementationInstance is SentAs existing) return existing;
        var created = new SentAs();
        opts.Services.AddSingleton(created);
        opts.PublishWithMessageRoutingSource(created);
        return created;
    }

    /// <summary>Every message whose type <paramref name="applies"/> is also sent as <paramref name="convert"/> makes it.</summary>
    public void Add(Func<Type, bool> applies, Type target, Func<object, object> convert, string description) =>
        _conversions.Add(new(applies, target, convert, description));

    /// <summary>Two <paramref name="target"/>s converted from messages <see cref="SentTogether{TFirst,TSecond}">sent together</see> become one, made by <paramref name="combine"/>.</summary>
    public void Combine(Type target, Func<object, object, object> combine) => _combinations[target] = combine;

    public IEnumerable<IMessageRoute> FindRoutes(Type messageType, IWolverineRuntime runtime)
    {
        if (messageType.IsGenericType && messageType.GetGenericTypeDefinition() == typeof(SentTogether<,>))
            return FindTogether(messageType.GetGenericArguments(), runtime);
        var conversions = _conversions.Where(c => c.Applies(messageType)).ToArray();
        if (conversions.Length == 0) return [];
        // Wolverine stops at its first terminating route source once any route is found, so a converted route would
        // hide the routes to the message's own handlers: the other sources' routes first (ADR 0039), then the conversions.
        return [.. OtherRoutes.Find(this, messageType, runtime),
            .. conversions.SelectMany(c => RoutesTo(c.Target, c.Convert, c.Description, runtime))];
    }

    /// <summary>
    /// Each part's own routes, taking that part; then, per consumer a conversion leads to, one route: both parts
    /// combined when both convert to it and it combines them, otherwise a route per part, in the parts' order.
    /// </summary>
    private IEnumerable<IMessageRoute> FindTogether(Type[] parts, IWolverineRuntime runtime)
    {
        var routes = new List<IMessageRoute>();
        for (var i = 0; i < parts.Length; i++)
        {
            var index = i;
            routes.AddRange(OtherRoutes.Find(this, parts[i], runtime).Select(route =>
                new Converted(route, together => ((ISentTogether)together).Part(index), route.Describe().Description)));
        }

        var conversions = parts.Select(part => _conversions.Where(c => c.Applies(part)).ToArray()).ToArray();
        foreach (var target in conversions.SelectMany(c => c).Select(c => c.Target).Distinct())
        {
            var first = conversions[0].Where(c => c.Target == target).ToArray();
            var second = conversions[1].Where(c => c.Target == target).ToArray();
            if (first.Length == 1 && second.Length == 1 && _combinations.TryGetValue(target, out var combine))
            {
                var (a, b) = (first[0].Convert, second[0].Convert);
                routes.AddRange(RoutesTo(target, together => combine(a(((ISentTogether)together).Part(0)), b(((ISentTogether)together).Part(1))),
                    $"{first[0].Description}, two messages sent together as one", runtime));
                continue;
            }
            foreach (var (conversion, index) in first.Select(c => (c, 0)).Concat(second.Select(c => (c, 1))))
                routes.AddRange(RoutesTo(target, together => conversion.Convert(((ISentTogether)together).Part(index)), conversion.Description, runtime));
        }
        return routes;
    }

    private static IEnumerable<IMessageRoute> RoutesTo(Type target, Func<object, object> convert, string description, IWolverineRuntime runtime) =>
        runtime.RoutingFor(target).Routes.Select(route => new Converted(route, convert, description));

    /// <summary>Terminating: what it returns already holds every other route of the message.</summary>
    public bool IsAdditive => false;

    private sealed record Conversion(Func<Type, bool> Applies, Type Target, Func<object, object> Convert, string Description);

    private sealed class Converted(IMessageRoute inner, Func<object, object> convert, string description) : IMessageRoute
    {
        public Envelope CreateForSending(object message, DeliveryOptions? options, ISendingAgent localDurableQueue,
            WolverineRuntime runtime, string? topicName) =>
            inner.CreateForSending(convert(message), options, localDurableQueue, runtime, topicName);

        public MessageSubscriptionDescriptor Describe()
        {
            var descriptor = inner.Describe();
            descriptor.Description = description;
            return descriptor;
        }
    }
}
