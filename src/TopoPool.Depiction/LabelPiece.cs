namespace TopoPool.Depiction;

/// <summary>
/// One run of text of a node's label, placed: its left end and baseline in picture coordinates, its size, and what
/// it is ("symbol", "hydrogens", "count", "charge", "isotope"), written as the class of its SVG tspan.
/// </summary>
internal readonly record struct LabelPiece(string Text, double X, double Baseline, double FontSize, string Role)
{
    public double Width => TextMetrics.Width(Text, FontSize);

    /// <summary>The box its glyphs can cover: from the top of a capital (or digit) to the bottom of a descender.</summary>
    public ScreenBox Box => new(X, Baseline - (TextMetrics.Ascent * FontSize), X + Width, Baseline + (TextMetrics.Descent * FontSize));
}
