using System.Text.Json;
using System.Text.Json.Serialization;
using Dsl.Assessment;
using Dsl.Awards;
using Dsl.Curriculum;
using Dsl.Enrolment;
using Dsl.Host.DataProtection;
using Dsl.Host.Integrators;
using Dsl.Host.Security;
using Dsl.PeerNetwork;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Weasel.Core;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Dsl.Host.Hosting;

public static class DslServices
{
    /// <summary>Npgsql's <c>Max Auto Prepare</c> when the connection string sets none (ADR 0016).</summary>
    public const int PreparedStatements = 200;

    /// <summary>Seconds to wait for a connection (<c>Timeout</c>) and for a command (<c>Command Timeout</c>) when the connection string sets none.</summary>
    public const int ConnectTimeoutSeconds = 3, CommandTimeoutSeconds = 10;

    /// <summary>Everything the host registers: database, Wolverine and the five modules, HTTP conventions, security, telemetry.</summary>
    public static WebApplicationBuilder AddDsl(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddNpgsqlDataSource(connectionString, data =>
        {
            // DSL keeps no session state on connections (its advisory locks end with their transaction),
            // so pooled connections need no DISCARD ALL before reuse.
            data.ConnectionStringBuilder.NoResetOnClose = true;
            // Marten and Wolverine send the same few hundred statements over and over; preparing the frequent
            // ones saves PostgreSQL parsing and planning each time (a third of its CPU per enrolment, ADR 0016).
            // A connection string that sets its own value keeps it.
            if (data.ConnectionStringBuilder.MaxAutoPrepare == 0) data.ConnectionStringBuilder.MaxAutoPrepare = PreparedStatements;
            // During an outage a request should fail fast with a 503 (DatabaseUnavailable), not wait out Npgsql's
            // 15 s connect and 30 s command defaults; a connection string that sets its own keeps them.
            var stated = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            if (!stated.ContainsKey("Timeout")) data.ConnectionStringBuilder.Timeout = ConnectTimeoutSeconds;
            if (!stated.ContainsKey("Command Timeout") && !stated.ContainsKey("CommandTimeout"))
                data.ConnectionStringBuilder.CommandTimeout = CommandTimeoutSeconds;
            // Only database work that belongs to a request or message is traced, not background polling.
            // (Marten sends batches, which have their own filter.)
            data.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
                .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null)
                .ConfigureCopyOperationFilter(_ => System.Diagnostics.Activity.Current is not null)
                // Opening a physical connection is pool housekeeping, mostly outside any trace.
                .EnablePhysicalOpenTracing(false));
        });

        // The host's own store (schema "host"): idempotency records, the integration event log and webhooks;
        // it also anchors Wolverine's outbox.
        services.AddMarten(sp =>
            {
                var store = new StoreOptions();
                store.Connection(sp.GetRequiredService<Npgsql.NpgsqlDataSource>());
                store.DatabaseSchemaName = "host";
                store.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                store.Schema.For<IdempotencyRecord>();
                IntegratorsSetup.AddIntegratorStorage(store);
                DataProtectionSetup.AddDataProtectionStorage(store);
                return store;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        // SIGTERM: Kestrel stops accepting, in-flight requests and handlers finish, agents are released; all within this.
        var shutdownTimeout = configuration.GetValue("Dsl:ShutdownTimeout", TimeSpan.FromSeconds(30));
        services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Program).Assembly;
#if !DEBUG
            // Release loads the handlers pre-generated under Internal/Generated (ADR 0034): compiled with the host, so
            // the JIT optimises them, and no Roslyn compile at first use. Debug generates them at runtime, and so does
            // Release with Dsl:RuntimeCodeGeneration=true (the benchmark's comparison).
            if (!configuration.GetValue("Dsl:RuntimeCodeGeneration", false))
                opts.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
#endif
            opts.Durability.MessageStorageSchemaName = "wolverine";
            // One node: solo. Several on one database: Wolverine elects a leader over PostgreSQL, which assigns
            // each message store's durability agent (inbox/outbox recovery, scheduled messages) to exactly one node
            // and moves a dead node's agents and messages to the survivors (README "Running several nodes").
            opts.Durability.Mode = configuration.GetValue("Dsl:SingleNode", true) ? DurabilityMode.Solo : DurabilityMode.Balanced;
            opts.Durability.HealthCheckPollingTime = configuration.GetValue("Dsl:Cluster:HeartbeatInterval", opts.Durability.HealthCheckPollingTime);
            opts.Durability.StaleNodeTimeout = configuration.GetValue("Dsl:Cluster:StaleNodeTimeout", opts.Durability.StaleNodeTimeout);
            // On SIGTERM, local queues finish what they hold within two thirds of the shutdown time; the rest is
            // left for releasing the node's agents and persisting what is still queued.
            opts.Durability.DrainTimeout = shutdownTimeout * 2 / 3;
            opts.Durability.NodeAssignmentHealthCheckTracingEnabled = false;
            // Each module's handler of a shared event runs on its own queue, transaction and retries.
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Durability.MessageIdentity = MessageIdentity.IdAndDestination;
            // Handled envelopes are kept only to spot a redelivered message id (a broker's redelivery; DSL's local
            // queues never redeliver a handled one), and deleted in the background: a minute's worth, swept every
            // 10 s, keeps the inbox table small under sustained load instead of holding five minutes of it.
            opts.Durability.KeepAfterMessageHandling = TimeSpan.FromMinutes(1);
            opts.Durability.HandledMessageCleanupPollingTime = TimeSpan.FromSeconds(10);
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
            // Messages about one enrolment can race on its stream (e.g. a phase change and completion on two
            // queues); the loser retries against the fresh stream rather than going to the dead-letter queue.
            opts.Policies.OnException<ConcurrencyException>().Or<EventStreamUnexpectedMaxEventIdException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
                    TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1))
                .Then.MoveToErrorQueue();
            // The database away (an outage, a failover): keep retrying the message for two minutes rather than
            // dead-lettering what was accepted; the listener waits meanwhile, and the message runs once it is back.
            opts.Policies.OnException<Exception>(DatabaseUnavailable.Is)
                .RetryWithCooldown(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5),
                    TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30),
                    TimeSpan.FromSeconds(30))
                .Then.MoveToErrorQueue();
            opts.Policies.OnException<Npgsql.NpgsqlException>(e => e.IsTransient)
                .RetryWithCooldown(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
                .Then.MoveToErrorQueue();
            // Wolverine logs every failed attempt before it decides to retry, so an expected race that the retry
            // then wins would show as an Error. An attempt is a Warning; giving up (the move to the error queue,
            // which Wolverine logs with the exception) stays an Error.
            opts.Policies.MessageFailureLogLevel(LogLevel.Warning);

            opts.AddEnrolmentModule();
            opts.AddCurriculumModule();
            opts.AddAssessmentModule();
            opts.AddAwardsModule();
            opts.AddPeerNetworkModule();
            opts.AddIntegrators(configuration);
            opts.AddDataProtection();
            opts.Policies.Add<DslTracingPolicy>();
            opts.Policies.Add<Dsl.BuildingBlocks.Messaging.IsolatePoisonedBatchMembers>();
            opts.Policies.Add<Dsl.BuildingBlocks.Messaging.SettleBatchMembersInTransaction>();
        });
        builder.AddIntegrators();
        services.AddWolverineHttp();

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            // A misspelt field is a client bug worth a 400, not a silently ignored value.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        services.AddDslProblems();

        AddSecurity(builder);
        services.AddDslOpenApi();
        services.AddDslHealthChecks();
        services.AddHostedService<Operations.OperationsGauges>();
        builder.AddDslTelemetry();
        return builder;
    }

    private static void AddSecurity(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var allowDevKey = builder.Environment.IsDevelopment() || configuration.GetValue("Dsl:Embedded", false);
        var key = SigningKeys.Resolve(configuration, allowDevKey);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = configuration["Dsl:Auth:Issuer"] ?? "dsl",
                    ValidAudience = configuration["Dsl:Auth:Audience"] ?? "dsl-api",
                    IssuerSigningKey = key,
                    RoleClaimType = "role",
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization(auth =>
            // An endpoint that forgets to declare its authorisation is closed, not open.
            auth.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
