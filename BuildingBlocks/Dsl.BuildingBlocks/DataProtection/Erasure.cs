using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dsl.BuildingBlocks.DataProtection;

/// <summary>What every module writes in place of erased personal data, and how it renders its part of an export.</summary>
public static class Erasure
{
    /// <summary>Replaces a name, email or free text whose record must stay (so counts and history hold).</summary>
    public const string Placeholder = "[erased]";

    /// <summary>The erased value of an optional text: null stays null.</summary>
    public static string? Blank(string? text) => text is null ? null : Placeholder;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A module's part of a subject access export, as the JSON object the export shows under the module's name.</summary>
    public static string ExportJson(object part) => JsonSerializer.Serialize(part, Json);
}
