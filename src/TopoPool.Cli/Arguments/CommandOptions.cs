using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TopoPool.Cli.Arguments;

/// <summary>
/// Options whose values are checked while the command line is parsed, so that a bad value is refused before any
/// work starts, with a message in the user's terms (<c>--batch-size must be at least 1, got 0</c>) instead of a .NET
/// type name.
/// </summary>
public static class CommandOptions
{
    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; null when not given.</summary>
    public static Option<int?> WholeNumber(string name, string description, int min, int max = int.MaxValue) =>
        new(name)
        {
            Description = description,
            CustomParser = result => ParseWholeNumber(result, name, min, max),
        };

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<int> WholeNumber(string name, string description, int min, int max, int defaultValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseWholeNumber(result, name, min, max) ?? defaultValue,
        };

    /// <summary>A positive finite number; null when not given.</summary>
    public static Option<double?> PositiveNumber(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = Single(result);
                if (text is null) return null;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    result.AddError($"{name} must be a number, got '{text}'");
                    return null;
                }
                if (!double.IsFinite(value) || value <= 0)
                {
                    result.AddError($"{name} must be a positive finite number, got {text}");
                    return null;
                }
                return value;
            },
        };

    /// <summary>One of <paramref name="choices"/> (any letter case), returned as written in the list.</summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> choices, string defaultValue, IReadOnlyList<string>? aliases = null) =>
        new(name)
        {
            Description = $"{description}: {string.Join(", ", choices)} (default {defaultValue})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = Single(result);
                if (text is null) return defaultValue;
                var match = choices.Concat(aliases ?? []).FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null) result.AddError($"{name} {text}: unknown value (choose {string.Join(", ", choices)})");
                return match ?? defaultValue;
            },
        };

    /// <summary>A comma-separated list of values of <paramref name="choices"/>, each once, in the order given.</summary>
    public static Option<IReadOnlyList<string>> Choices(string name, string description, IReadOnlyList<string> choices, string defaultValue, IReadOnlyList<string>? aliases = null) =>
        new(name)
        {
            Description = $"{description}: comma-separated, from {string.Join(", ", choices)} (default {defaultValue})",
            DefaultValueFactory = _ => defaultValue.Split(','),
            CustomParser = result =>
            {
                var text = Single(result) ?? defaultValue;
                var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (items.Length == 0)
                {
                    result.AddError($"{name} needs at least one value (choose from {string.Join(", ", choices)})");
                    return [];
                }
                var list = new List<string>();
                foreach (var item in items)
                {
                    var match = choices.Concat(aliases ?? []).FirstOrDefault(c => string.Equals(c, item, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                    {
                        result.AddError($"{name}: '{item}' is unknown (choose from {string.Join(", ", choices)})");
                        return [];
                    }
                    if (!list.Contains(match, StringComparer.OrdinalIgnoreCase)) list.Add(match);
                }
                return list;
            },
        };

    /// <summary>Seeds: <c>1-10</c>, <c>1,3,5</c> or <c>4</c>; at least one and at most <see cref="SeedList.MaxSeeds"/>.</summary>
    public static Option<IReadOnlyList<int>> Seeds(string name, string defaultValue) =>
        new(name)
        {
            Description = $"seeds: a range like 1-10, a list like 1,2,3, or one seed (default {defaultValue}; at most {SeedList.MaxSeeds})",
            DefaultValueFactory = _ => SeedList.Parse(defaultValue, out string? _)!,
            CustomParser = result =>
            {
                var text = Single(result) ?? defaultValue;
                var seeds = SeedList.Parse(text, out var problem);
                if (seeds is null) result.AddError($"{name} {Quote(text)}: {problem}");
                return seeds ?? [];
            },
        };

    private static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        var text = Single(result);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            result.AddError($"{name} must be a whole number, got '{text}'");
            return null;
        }
        if (value < min)
        {
            result.AddError($"{name} must be at least {min}, got {text}");
            return null;
        }
        if (value > max)
        {
            result.AddError($"{name} must be at most {max.ToString("N0", CultureInfo.InvariantCulture)}, got {text}");
            return null;
        }
        return (int)value;
    }

    private static string? Single(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;

    private static string Quote(string text) => text.Length == 0 ? "''" : text;
}
