namespace Dsl.Awards.Applications;

/// <summary>
/// Who sees an application: admins; the setting's head and lead; an assessor only the applications assigned to them.
/// Anyone else gets the same 404 as for an application that does not exist.
/// </summary>
public static class ApplicationAccess
{
    public const string NotFound = "There is no award application with this id.";

    public static bool CanSee(ClaimsPrincipal user, AwardApplication? application) =>
        application is not null && (user.IsInRole(Roles.Admin)
            || (user.IsInRole(Roles.Assessor) && application.AssessorId is not null && application.AssessorId == user.UserId())
            || ((user.IsInRole(Roles.Head) || user.IsInRole(Roles.Lead)) && user.SettingUrn() == application.SettingUrn));

    public static ProblemDetails Check(ClaimsPrincipal user, AwardApplication? application) =>
        CanSee(user, application) ? WolverineContinue.NoProblems : Problems.NotFound(NotFound);

    /// <summary>The setting's own people (or an admin) write its statements and submit it.</summary>
    public static ProblemDetails CheckWriter(ClaimsPrincipal user, AwardApplication? application) =>
        application is not null && (user.IsInRole(Roles.Admin) || ((user.IsInRole(Roles.Head) || user.IsInRole(Roles.Lead)) && user.SettingUrn() == application.SettingUrn))
            ? WolverineContinue.NoProblems : Problems.NotFound(NotFound);

    /// <summary>The assigned assessor (or an admin) judges, asks for evidence and decides.</summary>
    public static ProblemDetails CheckReviewer(ClaimsPrincipal user, AwardApplication? application)
    {
        if (application is null || !(user.IsInRole(Roles.Admin) || (application.AssessorId is not null && application.AssessorId == user.UserId())))
            return Problems.NotFound(NotFound);
        return application.Status == ApplicationStatus.UnderReview
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"The application is {Camel(application.Status)}; it can be reviewed only while underReview.");
    }

    public static string Camel<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
