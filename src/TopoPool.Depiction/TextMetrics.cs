namespace TopoPool.Depiction;

/// <summary>
/// Rough advance widths of a sans-serif face (DejaVu Sans, the usual fallback), in ems, so that labels can be
/// centred on their atom and the picture sized to its text without measuring glyphs.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize)
    {
        double ems = 0;
        foreach (char c in text)
        {
            ems += c switch
            {
                'I' or 'i' or 'l' or 'j' or '|' or '.' or ',' or ':' or '\'' or ' ' => 0.30,
                'r' or 't' or 'f' => 0.40,
                'M' or 'W' or 'm' or 'w' => 0.90,
                '·' => 0.32,
                >= '0' and <= '9' => 0.64,
                >= 'a' and <= 'z' => 0.61,
                'S' or 'P' or 'F' or 'E' or 'L' or 'Z' or 'T' or 'J' => 0.64,
                >= 'A' and <= 'Z' => 0.74,
                '+' or '−' or '=' or '∝' => 0.84,
                _ => 0.62,
            };
        }

        return ems * fontSize;
    }
}
