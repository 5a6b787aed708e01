namespace Dsl.Awards;

/// <summary>The role sets Awards' endpoints admit, built from the programme's <see cref="Roles"/>.</summary>
public static class AwardsRoles
{
    /// <summary>Reading eligibility, applications and awards: admins, assessors (only their assigned applications), the setting's head and lead.</summary>
    public const string Readers = $"{Roles.Admin},{Roles.Assessor},{Roles.SettingUsers}";

    /// <summary>Reviewing an application: its assigned assessor, or an admin.</summary>
    public const string Reviewers = $"{Roles.Admin},{Roles.Assessor}";
}
