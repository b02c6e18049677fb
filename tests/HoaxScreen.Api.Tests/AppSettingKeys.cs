using System.Collections;
using System.Reflection;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Whether a setting name (<c>Section:Key</c> or the environment form <c>Section__Key</c>) is one the app binds, so that a
/// deployment file with a typo (which configuration would silently ignore) fails a test instead.
/// </summary>
internal static class AppSettingKeys
{
    /// <summary>Section → bound type: every options class of the API (found by its <c>SectionName</c>) and the logging settings.</summary>
    private static readonly Dictionary<string, Type> Sections = typeof(ModelOptions).Assembly.GetTypes()
        .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
        .Where(entry => entry.Field is { IsLiteral: true } && entry.Type.IsClass && !entry.Type.IsAbstract)
        .ToDictionary(entry => (string)entry.Field!.GetRawConstantValue()!, entry => entry.Type, StringComparer.OrdinalIgnoreCase)
        .Concat(new Dictionary<string, Type>
        {
            ["Logging:LogLevel"] = typeof(Dictionary<string, LogLevel>),
            ["Logging:Console"] = typeof(ConsoleLoggerOptions),
            ["Logging:Console:FormatterOptions"] = typeof(JsonConsoleFormatterOptions),
        })
        .ToDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys of <paramref name="keys"/> that no bound option property takes.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> keys) => [.. keys.Where(key => !IsKnown(key))];

    public static bool IsKnown(string key)
    {
        var segments = key.Replace("__", ":", StringComparison.Ordinal).Split(':');
        for (var length = segments.Length - 1; length >= 1; length--)
        {
            if (Sections.TryGetValue(string.Join(':', segments[..length]), out var type))
            {
                return Binds(type, segments[length..]);
            }
        }

        return false;
    }

    /// <summary>Walks public settable properties (case-insensitively, as the binder does), list indices and dictionary keys.</summary>
    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return IsScalar(type);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return Binds(type.GetGenericArguments()[1], path[1..]);
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().Single();
            return int.TryParse(path[0], out var index) && index >= 0 && Binds(element, path[1..]);
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            return false;
        }

        // Scalars need a setter; the binder fills nested objects and lists in place.
        return (property.CanWrite || !IsScalar(property.PropertyType)) && Binds(property.PropertyType, path[1..]);
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);
    }
}
