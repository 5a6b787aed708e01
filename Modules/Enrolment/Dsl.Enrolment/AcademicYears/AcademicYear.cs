using System.Text.RegularExpressions;
using JasperFx;

namespace Dsl.Enrolment.AcademicYears;

/// <summary>An academic year of the programme (1 September to 31 August) and its funded place cap.</summary>
public sealed partial class AcademicYear : IRevisioned
{
    public const int DefaultPlaceCap = 5000;

    /// <summary>URL-safe id, e.g. "2019-20".</summary>
    public string Id { get; set; } = "";
    /// <summary>As people write it, e.g. "2019/20".</summary>
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int PlaceCap { get; set; }
    /// <summary>Revision, served as the ETag.</summary>
    public int Version { get; set; }

    public static AcademicYear Create(string name, int placeCap)
    {
        var startYear = int.Parse(name[..4]);
        return new AcademicYear
        {
            Id = IdFor(name),
            Name = name,
            StartsOn = new DateOnly(startYear, 9, 1),
            EndsOn = new DateOnly(startYear + 1, 8, 31),
            PlaceCap = placeCap,
        };
    }

    public static string IdFor(string name) => name.Replace('/', '-');

    /// <summary>"2019/20": four-digit start year, then the next year's last two digits.</summary>
    public static bool IsValidName(string? name)
    {
        if (name is null || !NamePattern().IsMatch(name)) return false;
        var start = int.Parse(name[..4]);
        return int.Parse(name[5..]) == (start + 1) % 100;
    }

    [GeneratedRegex(@"^\d{4}/\d{2}$")]
    private static partial Regex NamePattern();
}
