using System.Globalization;

namespace TopoPool.Cli.Arguments;

/// <summary>Seed lists as the command line writes them: <c>1-10</c>, <c>1,3,5</c>, <c>4</c>, or a mix (<c>1-3,7</c>).</summary>
public static class SeedList
{
    /// <summary>The most seeds one command may ask for.</summary>
    public const int MaxSeeds = 1000;

    /// <summary>The seeds in the order given, each once, or null with the reason.</summary>
    public static IReadOnlyList<int>? Parse(string text, out string? problem)
    {
        problem = null;
        var seeds = new List<int>();
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            problem = "expected at least one seed (a seed like 4, a range like 1-10, or a list like 1,2,3)";
            return null;
        }
        foreach (var part in parts)
        {
            var range = part.Split('-');
            if (range.Length == 2 && Number(range[0]) is int from && Number(range[1]) is int to)
            {
                if (from > to)
                {
                    problem = $"the range {part} runs backwards";
                    return null;
                }
                if ((long)to - from + 1 + seeds.Count > MaxSeeds)
                {
                    problem = $"more than {MaxSeeds} seeds";
                    return null;
                }
                for (int s = from; s <= to; s++) seeds.Add(s);
            }
            else if (range.Length == 1 && Number(part) is int seed)
            {
                seeds.Add(seed);
            }
            else
            {
                problem = $"'{part}' is not a seed (a whole number from 0 to {int.MaxValue}), a range like 1-10, or a list like 1,2,3";
                return null;
            }
            if (seeds.Count > MaxSeeds)
            {
                problem = $"more than {MaxSeeds} seeds";
                return null;
            }
        }
        return seeds.Distinct().ToList();
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
}
