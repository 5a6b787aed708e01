using FluentValidation;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Dsl.BuildingBlocks.Persistence;

/// <summary>
/// What every module does to join the host: its own Marten store in its own schema on the shared
/// connection pool, integrated with Wolverine's outbox, every handler and endpoint of its assembly
/// bound to that store, and its validators registered.
/// </summary>
public static class ModuleRegistration
{
    public static MartenServiceCollectionExtensions.MartenStoreExpression<TStore> AddModule<TStore>(
        this WolverineOptions opts, string schema, Action<StoreOptions>? configure = null)
        where TStore : class, IDocumentStore
    {
        // The store interface lives in the module's assembly, so it names the module too.
        var assembly = typeof(TStore).Assembly;
        opts.Discovery.IncludeAssembly(assembly);
        opts.Policies.UseAncillaryStorageFromAssembly(typeof(TStore), assembly);
        opts.Services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);

        return opts.Services.AddMartenStore<TStore>(sp =>
            {
                var store = new StoreOptions();
                store.Connection(sp.GetRequiredService<NpgsqlDataSource>());
                store.DatabaseSchemaName = schema;
                store.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                store.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                store.Events.StreamIdentity = StreamIdentity.AsGuid;
                store.Events.AppendMode = EventAppendMode.Quick;
                // Meter "Marten": events appended per type, for the metrics endpoint.
                store.OpenTelemetry.TrackEventCounters();
                configure?.Invoke(store);
                return store;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();
    }
}
