namespace Dsl.Host.Integrators.Webhooks;

/// <summary>Webhook delivery settings (section Dsl:Webhooks).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Dsl:Webhooks";

    private static readonly TimeSpan[] DefaultSchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(24),
    ];

    /// <summary>
    /// The wait before each retry after a failed attempt; after the last the delivery is dead-lettered.
    /// Null means the default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h (configuration would append to a non-null default).
    /// </summary>
    public TimeSpan[]? RetrySchedule { get; set; }
    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Length: > 0 } s ? s : DefaultSchedule;

    /// <summary>Each wait is spread by up to this fraction either way, so receivers are not hit in lockstep.</summary>
    public double Jitter { get; set; } = 0.2;
    /// <summary>A receiver's Retry-After is honoured up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Per subscription: at least this many attempts in the sampling window, this share failing, opens the circuit.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;
    public double CircuitFailureRatio { get; set; } = 0.5;
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the worker looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int MaxConcurrentDeliveries { get; set; } = 16;
    /// <summary>After a rotation the old secret keeps signing (beside the new one) this long.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Plain-http loopback targets (a developer's local receiver); on by default in Development only.</summary>
    public bool? AllowLoopbackTargets { get; set; }
    /// <summary>Host names, IP addresses or CIDR ranges exempt from the target rules (e.g. a partner on a private link).</summary>
    public string[] AllowedTargets { get; set; } = [];
}
