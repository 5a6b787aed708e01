using System.Text;

namespace Dsl.Benchmarks;

/// <summary>Writes a GIAS-shaped establishment extract: the published header, Windows-1252, CRLF, quoted fields.</summary>
public static class GiasExtract
{
    private const string Header =
        "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentTypeGroup (code),EstablishmentTypeGroup (name),EstablishmentStatus (code),EstablishmentStatus (name),ReasonEstablishmentOpened (code),ReasonEstablishmentOpened (name),OpenDate,ReasonEstablishmentClosed (code),ReasonEstablishmentClosed (name),CloseDate,PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Boarders (code),Boarders (name),NurseryProvision (name),OfficialSixthForm (code),OfficialSixthForm (name),Gender (code),Gender (name),ReligiousCharacter (code),ReligiousCharacter (name),SchoolCapacity,NumberOfPupils,TrustSchoolFlag (code),TrustSchoolFlag (name),Trusts (code),Trusts (name),UKPRN,FEHEIdentifier,FurtherEducationType (name),Street,Locality,Town,County (name),Postcode,SchoolWebsite,TelephoneNum,HeadTitle (name),HeadFirstName,HeadLastName,HeadPreferredJobTitle,GOR (code),GOR (name),DistrictAdministrative (code),DistrictAdministrative (name),UrbanRural (name),Easting,Northing";

    private static readonly string[] Regions =
        ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];

    private static readonly (string Type, string Group, string Phase)[] Types =
    [
        ("Community school", "Local authority maintained schools", "Primary"),
        ("Academy converter", "Academies", "Secondary"),
        ("Academy sponsor led", "Academies", "Primary"),
        ("Voluntary aided school", "Local authority maintained schools", "Primary"),
        ("Foundation special school", "Special schools", "Not applicable"),
        ("Further education", "Colleges", "16 plus"),
        ("Other independent school", "Independent schools", "All-through"),
    ];

    private static readonly string[] Names = ["Castle View", "Hillside", "Brontë", "Queen Elizabeth’s", "St Mary's", "Oakfield", "Ashgrove"];

    public static byte[] Create(int rows, int firstUrn)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var (type, group, phase) = Types[i % Types.Length];
            var region = Regions[i % Regions.Length];
            var name = $"\"{Names[i % Names.Length]} School {i}, {region}\"";
            csv.Append($"{firstUrn + i},800,Birmingham,{2000 + i % 7000},{name},1,{type},4,{group},1,Open,,,01-09-2012,,,,,{phase},4,18,,,,,,,,,,,,,,,,{10000000 + i},,,,,Birmingham,,AB1 2CD,,,,Alex,Morgan,,F,{region},,,,430000,433000\r\n");
        }
        return Encoding.GetEncoding(1252).GetBytes(csv.ToString());
    }
}
