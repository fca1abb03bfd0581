namespace TopoPool.Depiction;

/// <summary>
/// Advance widths of DejaVu Sans (the face the pictures ask for first, and the one the tests render with), in ems,
/// read from its horizontal metrics table, so that labels can be centred on their atom, kept apart from each other
/// and the picture sized to its text without measuring glyphs. Other sans-serif faces come within a few per cent.
/// </summary>
internal static class TextMetrics
{
    /// <summary>Height of a capital letter above the baseline, in ems.</summary>
    public const double CapHeight = 0.73;

    /// <summary>How far the face reaches above the baseline (accents, digits' tops), in ems.</summary>
    public const double Ascent = 0.76;

    /// <summary>How far descenders reach below the baseline, in ems.</summary>
    public const double Descent = 0.24;

    // Characters ' ' (32) to '~' (126).
    private static readonly double[] Ascii =
    [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
        1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
        0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ];

    public static double Width(string text, double fontSize)
    {
        double ems = 0;
        foreach (char c in text)
        {
            ems += c switch
            {
                >= ' ' and <= '~' => Ascii[c - ' '],
                '\u2212' => 0.838,
                '\u221D' => 0.714,
                '\u00B7' => 0.318,
                '\u2026' => 1.0,
                '\u03C3' => 0.634,
                '\u200B' => 0,
                _ => 0.65,
            };
        }

        return ems * fontSize;
    }
}
