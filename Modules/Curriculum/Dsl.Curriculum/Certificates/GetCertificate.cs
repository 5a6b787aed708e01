using Dsl.Curriculum.Cpd;
using Dsl.Curriculum.Progress;
using Microsoft.Extensions.Configuration;

namespace Dsl.Curriculum.Certificates;

public static class GetCertificateEndpoint
{
    public static Task<LeadProgress?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<LeadProgress>(enrolmentId, ct);

    public static async Task<ProblemDetails> ValidateAsync(LeadProgress? progress, Guid enrolmentId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct) =>
        await LeadInCohort.CanReadAsync(user, progress, session, ct) && Certificate.CompletedAtOf(progress!) is not null
            && await session.LoadAsync<LeadCertificateName>(enrolmentId, ct) is not null
            ? WolverineContinue.NoProblems
            : Problems.NotFound($"There is no certificate for enrolment {enrolmentId}: it is issued once the lead has completed.");

    /// <summary>
    /// The lead's certificate of completion as PDF: name, setting, dates, CPD hours and a verification address.
    /// Issued once the lead completed (phase completed, or embeddingDeferred on the short track); 404 before.
    /// Whoever may read the lead's progress.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}/certificate", OperationId = "GetCertificate")]
    [AuditedRead("certificate")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a lead's certificate of completion")]
    [Produces(CertificatePdf.MediaType)]
    public static async Task<IResult> Get(LeadProgress progress, HttpRequest request, IConfiguration configuration,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var name = (await session.LoadAsync<LeadCertificateName>(progress.Id, ct))!;
        var completedAt = Certificate.CompletedAtOf(progress)!.Value;
        // Compared in memory: the database compares timestamps at microsecond precision, .NET at 100 ns.
        var certificate = (await session.Query<Certificate>().Where(c => c.EnrolmentId == progress.Id).ToListAsync(ct))
            .FirstOrDefault(c => c.CompletedAt == completedAt);
        if (certificate is null)
        {
            var cpd = await GetCpdRecordEndpoint.ForAsync(progress, session, ct);
            certificate = new Certificate
            {
                Id = Guid.NewGuid(), EnrolmentId = progress.Id, Phase = progress.Phase, Track = progress.Track,
                SettingName = name.SettingName, ConfirmedAt = progress.OpenedAt, CompletedAt = completedAt,
                TotalHours = cpd.TotalHours, IssuedAt = clock.GetUtcNow(),
            };
            session.Store(certificate);
            await session.SaveChangesAsync(ct);
        }
        var url = PublicLinks.For(request, configuration, $"/api/curriculum/certificates/{certificate.Id}");
        return Results.File(CertificatePdf.Render(certificate, name.LeadName, url), CertificatePdf.MediaType,
            $"certificate-{certificate.Id}.pdf");
    }
}
