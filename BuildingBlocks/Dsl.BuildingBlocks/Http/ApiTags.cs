namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// The OpenAPI tags every module's endpoints use in <c>[Tags(ApiTags.…)]</c>, each with the description front-end
/// teams read in the API reference. A module adds its tag here, with its description, in the same change as its
/// first endpoint; a tag used on an endpoint but missing here fails the OpenAPI tests.
/// </summary>
public static class ApiTags
{
    public const string ReferenceData = "Reference data";
    public const string Settings = "Settings";
    public const string Cohorts = "Cohorts";
    public const string Enrolments = "Enrolments";
    public const string Curriculum = "Curriculum";
    public const string Assessment = "Assessment";
    public const string PeerNetwork = "Peer network";
    public const string Awards = "Awards";
    public const string Reports = "Reports";
    public const string Events = "Events";
    public const string Webhooks = "Webhooks";
    public const string Operations = "Operations";
    public const string DataProtection = "Data protection";

    /// <summary>Every tag with its description, in the order the API reference lists them.</summary>
    public static IReadOnlyList<(string Name, string Description)> Catalogue { get; } =
    [
        (ReferenceData, "The programme's regions and academic years with their place caps."),
        (Settings, "Schools and colleges that can enrol a lead, registered one by one or imported from the DfE " +
                   "Get Information about Schools extract."),
        (Cohorts, "Regional (or national) cohorts of leads with their capacity, facilitator and roster."),
        (Enrolments, "A setting's enrolment of its senior mental health lead, from submission and the head's " +
                     "endorsement to a place, the waitlist, transfer, withdrawal and completion."),
        (Curriculum, "The eight-element curriculum and each lead's progress through learning, reflective/planning " +
                     "and embedding."),
        (Assessment, "A setting's guided self-assessment of its whole-school approach (or of its needs), the progress " +
                     "picture across reviews, its action plan over the eight elements, local provision map, the lead's " +
                     "role and remit, and the aggregate interventions register."),
        (PeerNetwork, "The regional peer networks that confirmed leads join, their consented directory, and action learning sets: matching, sessions, presenters, confidential notes and actions."),
        (Awards, "Award applications after embedding, assessor review and decision, and each award's verifiable Open Badges 3.0 " +
                 "credential with its public issuer, keys and revocation status list."),
        (Reports, "Programme-wide reports for admins, such as uptake by region."),
        (Events, "The pull feed of integration events as CloudEvents, for integrators to catch up or rebuild."),
        (Webhooks, "Webhook subscriptions to integration events, their signing secrets, deliveries and replays."),
        (DataProtection, "UK GDPR: erasing a lead and exporting everything held about them across every module, the " +
                         "personal-data inventory and the log of who read a person's records."),
        (Operations, "Operating the platform: messages that failed for good (dead letters) and replaying them."),
    ];

    /// <summary>The description of a tag, or null when the tag is not in the catalogue.</summary>
    public static string? DescriptionOf(string name) =>
        Catalogue.Where(t => t.Name == name).Select(t => t.Description).FirstOrDefault();
}
