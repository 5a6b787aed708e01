using Dsl.BuildingBlocks.DataProtection;
using Dsl.BuildingBlocks.Persistence;

namespace Dsl.Host.DataProtection;

/// <summary>Registers the host's side of data protection: request tracking, exports, the access log and the host's inventory.</summary>
public static class DataProtectionSetup
{
    public static void AddDataProtectionStorage(StoreOptions store)
    {
        store.Schema.For<DataProtectionRequest>().Duplicate(r => r.EnrolmentId);
        store.Schema.For<ModuleAnswer>().Duplicate(a => a.RequestId);
        AccessLog.AddTable(store);
    }

    /// <summary>After every module: a closed answer handler per module's reply type, all on one sequential queue.</summary>
    public static void AddDataProtection(this WolverineOptions opts)
    {
        var modules = opts.Services.Where(s => s.ServiceType == typeof(DslModule) && s.ImplementationInstance is DslModule)
            .Select(s => ((DslModule)s.ImplementationInstance!).Name).ToList();
        foreach (var reply in DataProtectionRegistry.RepliesIn(modules, typeof(LeadErased)))
            opts.Discovery.IncludeType(typeof(ModuleLeadErasedHandler<>).MakeGenericType(reply));
        foreach (var reply in DataProtectionRegistry.RepliesIn(modules, typeof(LeadExport)))
            opts.Discovery.IncludeType(typeof(ModuleLeadExportHandler<>).MakeGenericType(reply));
        opts.LocalQueue(DataProtectionQueue.Name).Sequential();
        // Handled only here, the replies would each get a queue of their own by convention; one queue it must be.
        opts.Publish(rule =>
        {
            rule.MessagesImplementing<LeadErased>();
            rule.MessagesImplementing<LeadExport>();
            rule.Message<ExpireExport>();
            rule.ToLocalQueue(DataProtectionQueue.Name);
        });

        var services = opts.Services;
        services.AddSingleton<DataProtectionRegistry>();
        services.AddSingleton<IAccessLog, AccessLog>();
        services.AddOptions<DataProtectionOptions>().BindConfiguration(DataProtectionOptions.Section);
        services.DeclarePersonalData("Host")
            .HoldsUntil<ModuleAnswer>("until the export expires (Dsl:DataProtection:ExportExpiry)",
                "export parts deleted on expiry; erasure answers hold kinds only", "every module's export of a lead's data")
            .HoldsUntil<IdempotencyRecord>("replayed for 24 hours; the row stays until an erasure mentions it (a purge of old rows is still to come)",
                "deleted when they mention the erased enrolment", "a creating POST's stored response (may include a lead's name and email)")
            .NoPersonalData(typeof(DataProtectionRequest), typeof(Integrators.Webhooks.WebhookSubscription));
    }
}
