using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>Finds query-string values that cannot be read as their declared type (e.g. ?limit=abc).</summary>
public static class QueryValues
{
    private static readonly ConcurrentDictionary<Type, (string Name, Type Type)[]> TypedParameters = new();

    public static Dictionary<string, string[]> Unparsable(Type queryType, IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, type) in TypedParameters.GetOrAdd(queryType, Discover))
        {
            if (!query.TryGetValue(name, out var values)) continue;
            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value) || Parses(value, type)) continue;
                errors[name] = [$"{name} must be {Describe(type)}; '{value}' is not."];
            }
        }
        return errors;
    }

    private static (string, Type)[] Discover(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Attribute: p.GetCustomAttribute<FromQueryAttribute>(), Property: p))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.Name ?? x.Property.Name, Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType))
            .Where(x => x.Item2 != typeof(string))
            .ToArray();

    private static bool Parses(string value, Type type) => type switch
    {
        _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        _ when type == typeof(bool) => bool.TryParse(value, out _),
        _ when type == typeof(Guid) => Guid.TryParse(value, out _),
        _ when type == typeof(DateOnly) => DateOnly.TryParseExact(value, "yyyy-MM-dd", out _),
        _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ when type.IsEnum => Enum.TryParse(type, value, ignoreCase: true, out _) && !int.TryParse(value, out _),
        _ => true,
    };

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(Guid) => "a UUID",
        _ when type == typeof(DateOnly) => "a date (yyyy-MM-dd)",
        _ when type == typeof(DateTimeOffset) => "an ISO-8601 time",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => char.ToLowerInvariant(n[0]) + n[1..])),
        _ => type.Name,
    };
}
