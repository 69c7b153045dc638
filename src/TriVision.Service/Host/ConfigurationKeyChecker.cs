using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace TriVision.Service.Host;

/// <summary>
/// Walks the configuration tree against the options types before binding: a key the type does not
/// declare, or a value that does not convert to the property's type, becomes one
/// <see cref="ServiceConfigurationException"/> naming the key, the value and what is allowed.
/// The binder on its own ignores unknown keys and reports conversions with a stack of inner exceptions.
/// </summary>
public static class ConfigurationKeyChecker
{
    /// <summary>Sections outside the options that hosting itself reads.</summary>
    private static readonly string[] HostSections = ["Logging"];

    public static void Check(IConfiguration configuration, Type rootType)
    {
        foreach (var child in configuration.GetChildren())
        {
            if (Array.Exists(HostSections, s => string.Equals(s, child.Key, StringComparison.OrdinalIgnoreCase))) continue;
            CheckMember(child, rootType);
        }
    }

    private static void CheckMember(IConfigurationSection section, Type ownerType)
    {
        var property = FindProperty(ownerType, section.Key);
        if (property is null)
        {
            throw new ServiceConfigurationException(
                $"configuration key '{section.Path}' is unknown{ValueSuffix(section)}; allowed keys here: {string.Join(", ", Names(ownerType))}.");
        }
        CheckValue(section, property.PropertyType);
    }

    private static void CheckValue(IConfigurationSection section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (IsLeaf(type))
        {
            if (children.Count > 0)
                throw new ServiceConfigurationException($"configuration key '{section.Path}' takes a single value ({Describe(type)}), not a section.");
            if (section.Value is { } value && !TryConvert(value, type))
                throw new ServiceConfigurationException($"configuration key '{section.Path}' = '{value}' is not valid; allowed: {Describe(type)}.");
            return;
        }
        var element = ElementType(type);
        if (element is not null)
        {
            foreach (var item in children)
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    throw new ServiceConfigurationException($"configuration key '{item.Path}' is unknown; '{section.Path}' is a list (use a JSON array, or indices 0, 1, … in variables).");
                CheckValue(item, element);
            }
            return;
        }
        if (section.Value is { Length: > 0 } scalar && children.Count == 0)
            throw new ServiceConfigurationException($"configuration key '{section.Path}' = '{scalar}' must be a section with keys: {string.Join(", ", Names(type))}.");
        foreach (var child in children) CheckMember(child, type);
    }

    private static PropertyInfo? FindProperty(Type type, string key)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.CanWrite && p.GetSetMethod() is not null && string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) return p;
        return null;
    }

    private static IEnumerable<string> Names(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetSetMethod() is not null).Select(p => p.Name);

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(DateTimeOffset);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)) return type.GetGenericArguments()[0];
        return null;
    }

    private static bool TryConvert(string value, Type type)
    {
        if (type == typeof(string)) return true;
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!) && !int.TryParse(value, out _);
        if (type == typeof(float) || type == typeof(double))
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type));
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(uint)) return "an integer";
        if (type == typeof(float) || type == typeof(double)) return "a number (e.g. 0.5)";
        if (type == typeof(TimeSpan)) return "a duration hh:mm:ss[.fff] (e.g. 00:00:01.5)";
        return "a " + type.Name;
    }

    private static string ValueSuffix(IConfigurationSection section) =>
        section.Value is { } v ? $" (value '{v}')" : "";
}
