namespace Dsl.Curriculum.Certificates;

/// <summary>What a verifier learns: that the certificate is genuine and its facts, without the lead's name.</summary>
public sealed record CertificateVerification(Guid CertificateId, string SettingName, string Track, DateOnly ConfirmedOn,
    DateOnly CompletedOn, double TotalHours, string Issuer);

public static class VerifyCertificateEndpoint
{
    /// <summary>
    /// Confirms a certificate of completion by the id printed on it (no bearer token: whoever holds the certificate
    /// may check it). Gives the setting, track, dates and CPD hours, never the lead's name; 404 for an unknown id.
    /// </summary>
    [AllowAnonymous]
    [WolverineGet("/api/curriculum/certificates/{certificateId}", OperationId = "VerifyCertificate")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Verify a certificate of completion")]
    [ProducesResponseType<CertificateVerification>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid certificateId, IQuerySession session, CancellationToken ct)
    {
        var certificate = await session.LoadAsync<Certificate>(certificateId, ct);
        return certificate is null
            ? Results.Problem(Problems.NotFound("There is no certificate with this id."))
            : TypedResults.Ok(new CertificateVerification(certificate.Id, certificate.SettingName, certificate.Track,
                DateOnly.FromDateTime(certificate.ConfirmedAt.UtcDateTime), DateOnly.FromDateTime(certificate.CompletedAt.UtcDateTime),
                certificate.TotalHours, Certificate.Issuer));
    }
}
