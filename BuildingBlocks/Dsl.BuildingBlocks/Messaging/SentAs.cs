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

    public IEnumerable<IMessageRoute> FindRoutes(Type messageType, IWolverineRuntime runtime)
    {
        var conversions = _conversions.Where(c => c.Applies(messageType)).ToArray();
        if (conversions.Length == 0) return [];
        // Wolverine stops at its first terminating route source once any route is found, so a converted route would
        // hide the routes to the message's own handlers: the other sources' routes first (ADR 0039), then the conversions.
        return [.. OtherRoutes.Find(this, messageType, runtime),
            .. conversions.SelectMany(c => runtime.RoutingFor(c.Target).Routes.Select(route => new Converted(route, c)))];
    }

    /// <summary>Terminating: what it returns already holds every other route of the message.</summary>
    public bool IsAdditive => false;

    private sealed record Conversion(Func<Type, bool> Applies, Type Target, Func<object, object> Convert, string Description);

    private sealed class Converted(IMessageRoute inner, Conversion conversion) : IMessageRoute
    {
        public Envelope CreateForSending(object message, DeliveryOptions? options, ISendingAgent localDurableQueue,
            WolverineRuntime runtime, string? topicName) =>
            inner.CreateForSending(conversion.Convert(message), options, localDurableQueue, runtime, topicName);

        public MessageSubscriptionDescriptor Describe()
        {
            var descriptor = inner.Describe();
            descriptor.Description = conversion.Description;
            return descriptor;
        }
    }
}
