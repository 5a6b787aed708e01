using System.Reflection;
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
/// A module the host registered: its name (the folder under <c>Modules/</c> and the <c>Dsl.&lt;Name&gt;</c> assembly),
/// its store interface, its schema and its assembly. The one list of modules: each <see cref="ModuleRegistration.AddModule{TStore}"/>
/// adds one, and the architecture tests compare it with the folders under <c>Modules/</c>.
/// </summary>
public sealed record DslModule(string Name, Type Store, string Schema, Assembly Assembly);

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
        var name = assembly.GetName().Name!["Dsl.".Length..];
        if (typeof(TStore).FullName != $"Dsl.{name}.I{name}Store")
            throw new InvalidOperationException(
                $"A module's store is Dsl.<Module>.I<Module>Store in the Dsl.<Module> assembly; {typeof(TStore).FullName} is in {assembly.GetName().Name}.");
        opts.Services.AddSingleton(new DslModule(name, typeof(TStore), schema, assembly));
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
