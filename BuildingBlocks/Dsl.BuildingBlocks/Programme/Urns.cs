namespace Dsl.BuildingBlocks.Programme;

/// <summary>The DfE unique reference number (GIAS URN) that identifies a setting in every module: six digits, no leading zero.</summary>
public static class Urns
{
    public static bool IsValid(string? urn) => urn is { Length: 6 } && urn.All(char.IsAsciiDigit) && urn[0] != '0';
}
