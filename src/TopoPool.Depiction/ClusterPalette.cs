using System.Globalization;

namespace TopoPool.Depiction;

/// <summary>
/// Cluster colours, the most distinct first: Paul Tol's "light" scheme (made for areas with dark text on top, and
/// readable with the common colour-vision deficiencies), then the Okabe–Ito and Tol "muted" colours, then
/// generated hues so that every cluster of a large picture still gets its own colour.
/// </summary>
public static class ClusterPalette
{
    /// <summary>Ranks after which the generated hues repeat: 137.508° × 30,000 is a whole number of turns.</summary>
    private const int HuePeriod = 30_000;

    private const uint ColourValues = 1u << 24;

    private static readonly string[] Fixed =
    [
        // Tol light
        "#EE8866", "#77AADD", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00",
        // Okabe–Ito (without black)
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#0072B2",
        // Tol muted
        "#CC6677", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499", "#332288",
    ];

    /// <summary>The colour of the cluster ranked <paramref name="rank"/> (0 = strongest), as "#RRGGBB".</summary>
    public static string Colour(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        if (rank < Fixed.Length)
        {
            return Fixed[rank];
        }

        // Golden-angle hues at two lightness levels; distinct from each other and, by their saturation, from the fixed ones.
        int k = rank - Fixed.Length;
        double hue = (k * 137.508) % 360;
        double lightness = k % 2 == 0 ? 0.62 : 0.45;
        return FromHsl(hue, 0.55 + (0.1 * ((k / 2) % 3)), lightness);
    }

    /// <summary>
    /// The first <paramref name="count"/> colours, all different (up to the 16,777,216 there are; beyond that they
    /// repeat). The ranks of <see cref="Colour"/> give a few thousand distinct colours before their hues come round
    /// again (after 30,000 ranks); the rest are the remaining #RRGGBB values in a scattered order.
    /// </summary>
    public static IReadOnlyList<string> Colours(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int rank = 0; result.Count < count && rank < HuePeriod; rank++)
        {
            string colour = Colour(rank);
            if (seen.Add(colour))
            {
                result.Add(colour);
            }
        }

        // Multiplying by an odd number permutes the 2^24 colour values, so every one of them comes up once.
        for (uint i = 0; result.Count < count && i < ColourValues; i++)
        {
            uint value = (i * 0x9E3779B1u) & (ColourValues - 1);
            string colour = string.Create(CultureInfo.InvariantCulture, $"#{value:X6}");
            if (seen.Add(colour))
            {
                result.Add(colour);
            }
        }

        for (int distinct = result.Count; result.Count < count;)
        {
            result.Add(result[result.Count % distinct]);
        }

        return result;
    }

    /// <summary>The colour with each channel multiplied by <paramref name="factor"/> (below 1 darkens).</summary>
    public static string Scale(string colour, double factor)
    {
        var (r, g, b) = Parse(colour);
        return Hex(r * factor, g * factor, b * factor);
    }

    /// <summary>Red, green and blue (0–255) of "#RRGGBB".</summary>
    public static (int Red, int Green, int Blue) Parse(string colour)
    {
        ArgumentNullException.ThrowIfNull(colour);
        if (colour.Length != 7 || colour[0] != '#')
        {
            throw new FormatException($"'{colour}' is not a #RRGGBB colour");
        }

        int value = int.Parse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
    }

    private static string FromHsl(double hue, double saturation, double lightness)
    {
        double c = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        double h = hue / 60;
        double x = c * (1 - Math.Abs((h % 2) - 1));
        var (r, g, b) = h switch
        {
            < 1 => (c, x, 0.0),
            < 2 => (x, c, 0.0),
            < 3 => (0.0, c, x),
            < 4 => (0.0, x, c),
            < 5 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        double m = lightness - (c / 2);
        return Hex((r + m) * 255, (g + m) * 255, (b + m) * 255);
    }

    private static string Hex(double r, double g, double b) =>
        string.Create(CultureInfo.InvariantCulture, $"#{Channel(r):X2}{Channel(g):X2}{Channel(b):X2}");

    private static int Channel(double value) => (int)Math.Clamp(Math.Round(value), 0, 255);
}
