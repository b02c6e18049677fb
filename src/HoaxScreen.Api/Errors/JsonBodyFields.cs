using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace HoaxScreen.Api.Errors;

/// <summary>
/// Names the field of a request body that a JSON path points at (<c>$.items[1].text</c> → <c>items[1].text</c>) and
/// says in plain words what that field must hold, from the body's contract type: callers see their own field names
/// and JSON terms, never .NET type names.
/// </summary>
public static class JsonBodyFields
{
    /// <summary>A field of the body: its key in the <c>errors</c> map, the name messages use, and its contract type.</summary>
    public sealed record Field(string Key, string Name, Type? Type, bool IsListItem);

    /// <summary>The field at <paramref name="jsonPath"/>, or null for the body itself (<c>$</c>) or a path that cannot be read.</summary>
    public static Field? Resolve(Type? bodyType, string? jsonPath)
    {
        if (jsonPath is null || !jsonPath.StartsWith('$') || jsonPath.Length == 1)
        {
            return null;
        }

        var key = new StringBuilder();
        var name = string.Empty;
        var type = bodyType;
        var isListItem = false;
        var rest = jsonPath.AsSpan(1);
        while (!rest.IsEmpty)
        {
            string? property;
            if (rest[0] == '.')
            {
                var end = rest[1..].IndexOfAny('.', '[');
                property = (end < 0 ? rest[1..] : rest[1..(end + 1)]).ToString();
                rest = end < 0 ? [] : rest[(end + 1)..];
            }
            else if (rest.StartsWith("['"))
            {
                var end = rest.IndexOf("']");
                if (end < 0)
                {
                    return null;
                }

                property = rest[2..end].ToString();
                rest = rest[(end + 2)..];
            }
            else if (rest[0] == '[')
            {
                var end = rest.IndexOf(']');
                if (end < 0 || !int.TryParse(rest[1..end], out var index))
                {
                    return null;
                }

                key.Append('[').Append(index).Append(']');
                type = type is null ? null : ElementType(type);
                isListItem = true;
                rest = rest[(end + 1)..];
                continue;
            }
            else
            {
                return null;
            }

            var member = type is null ? null : FindProperty(type, property);
            name = member is null ? property : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            type = member?.PropertyType;
            isListItem = false;
            if (key.Length > 0)
            {
                key.Append('.');
            }

            key.Append(name);
        }

        return new Field(key.ToString(), name, type, isListItem);
    }

    /// <summary>What a value of <paramref name="type"/> is, as a JSON caller knows it: "a string", "true or false", ...</summary>
    public static string Describe(Type? type)
    {
        if (type is null)
        {
            return "a value of another type";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (ElementType(type) is not null)
        {
            return "a list ([...])";
        }

        return RequiredFields(type) is { Count: > 0 } required
            ? $"an object with {string.Join(" and ", required.Select(r => $"\"{r}\""))}"
            : "an object ({...})";
    }

    /// <summary>The JSON names of the body's required fields (the contract's [Required] properties).</summary>
    public static IReadOnlyList<string> RequiredFields(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(RequiredAttribute)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    private static PropertyInfo? FindProperty(Type type, string jsonName) =>
        type.GetProperty(jsonName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);
    }
}
