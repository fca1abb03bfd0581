using System.Globalization;
using System.Text;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using TopoPool.Training.Experiments;

namespace TopoPool.Training.Reports;

/// <summary>
/// A run's training curves as one SVG (OxyPlot, no display needed): two stacked panels over the epochs, the losses
/// (training solid, validation dashed; log scale when they span more than a factor of five) and the validation
/// metric, one colour per seed, and a diamond on each seed's chosen epoch (the one with the lowest validation loss,
/// whose weights are tested). Each panel is a nested <c>&lt;svg&gt;</c> with an id (<c>loss-panel</c>,
/// <c>metric-panel</c>) so that a reader can tell them apart.
/// </summary>
public static class TrainingCurvesChart
{
    public const int Width = 760;
    public const int LossPanelHeight = 340;
    public const int MetricPanelHeight = 300;

    // Okabe–Ito (told apart with colour-vision deficiencies) and two darker tones for the paper's ten seeds; then repeats.
    private static readonly OxyColor[] SeedColours =
    [
        OxyColor.FromRgb(0, 114, 178), OxyColor.FromRgb(213, 94, 0), OxyColor.FromRgb(0, 158, 115), OxyColor.FromRgb(204, 121, 167),
        OxyColor.FromRgb(230, 159, 0), OxyColor.FromRgb(86, 180, 233), OxyColor.FromRgb(0, 0, 0), OxyColor.FromRgb(190, 174, 20),
        OxyColor.FromRgb(136, 34, 85), OxyColor.FromRgb(120, 120, 120),
    ];

    /// <summary>The chart's SVG text for <paramref name="seeds"/> (each seed's result with its epochs).</summary>
    public static string Svg(string title, string metric, IReadOnlyList<SeedResult> seeds)
    {
        var loss = Panel($"{title}: loss per epoch (training solid, validation dashed; ◆ chosen epoch)", "loss",
            LogScaleSuits(seeds.SelectMany(s => s.History.SelectMany(h => new[] { h.TrainLoss, h.ValidationLoss }))));
        var quality = Panel($"validation {metric} per epoch (◆ chosen epoch)", $"validation {metric}", logScale: false);
        for (int i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var colour = SeedColours[i % SeedColours.Length];
            var history = seed.History.OrderBy(h => h.Epoch).ToList();
            loss.Series.Add(Line($"seed {seed.Run.Seed}", colour, LineStyle.Solid, history.Select(h => (h.Epoch, h.TrainLoss))));
            loss.Series.Add(Line(null, colour, LineStyle.Dash, history.Select(h => (h.Epoch, h.ValidationLoss))));
            quality.Series.Add(Line($"seed {seed.Run.Seed}", colour, LineStyle.Solid, history.Select(h => (h.Epoch, h.ValidationMetric))));
            if (history.FirstOrDefault(h => h.Epoch == seed.Run.BestEpoch) is { } best)
            {
                loss.Series.Add(Marker(colour, best.Epoch, best.ValidationLoss));
                quality.Series.Add(Marker(colour, best.Epoch, best.ValidationMetric));
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{LossPanelHeight + MetricPanelHeight}\" viewBox=\"0 0 {Width} {LossPanelHeight + MetricPanelHeight}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{LossPanelHeight + MetricPanelHeight}\" fill=\"white\"/>\n");
        svg.Append(Nested("loss-panel", 0, LossPanelHeight, loss));
        svg.Append(Nested("metric-panel", LossPanelHeight, MetricPanelHeight, quality));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static PlotModel Panel(string title, string valueTitle, bool logScale)
    {
        var model = new PlotModel { Title = title, DefaultFont = "Arial", TitleFontSize = 13, Background = OxyColors.White };
        model.Legends.Add(new Legend
        {
            LegendPosition = LegendPosition.BottomCenter, LegendPlacement = LegendPlacement.Outside,
            LegendOrientation = LegendOrientation.Horizontal, LegendFontSize = 11, LegendItemSpacing = 36, LegendLineSpacing = 5,
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Title = "epoch", MinimumPadding = 0.03, MaximumPadding = 0.03,
            MajorGridlineStyle = LineStyle.Dot, MinimumMajorStep = 1, MinimumMinorStep = 1, IntervalLength = 60,
        });
        model.Axes.Add(logScale
            ? new LogarithmicAxis { Position = AxisPosition.Left, Title = valueTitle, AxisTitleDistance = 12, MajorGridlineStyle = LineStyle.Dot, MinimumPadding = 0.05, MaximumPadding = 0.05 }
            : new LinearAxis { Position = AxisPosition.Left, Title = valueTitle, AxisTitleDistance = 12, MajorGridlineStyle = LineStyle.Dot, MinimumPadding = 0.05, MaximumPadding = 0.05 });
        return model;
    }

    private static LineSeries Line(string? title, OxyColor colour, LineStyle style, IEnumerable<(int Epoch, double Value)> points)
    {
        var line = new LineSeries { Title = title, Color = colour, LineStyle = style, StrokeThickness = 1.6 };
        foreach (var (epoch, value) in points)
            if (double.IsFinite(value)) line.Points.Add(new DataPoint(epoch, value));
        return line;
    }

    private static ScatterSeries Marker(OxyColor colour, int epoch, double value)
    {
        var marker = new ScatterSeries { MarkerType = MarkerType.Diamond, MarkerSize = 6, MarkerFill = colour, MarkerStroke = OxyColors.Black, MarkerStrokeThickness = 1 };
        if (double.IsFinite(value)) marker.Points.Add(new ScatterPoint(epoch, value));
        return marker;
    }

    /// <summary>Log scale when every value is positive and the largest is more than five times the smallest.</summary>
    private static bool LogScaleSuits(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count > 0 && finite.Min() > 0 && finite.Max() / finite.Min() > 5;
    }

    private static string Nested(string id, int y, int height, PlotModel model)
    {
        using var stream = new MemoryStream();
        new SvgExporter { Width = Width, Height = height, IsDocument = false }.Export(model, stream);
        var inner = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
        // The exporter's fragment is one <svg> element; give it its place and a name, and make its clip-path ids
        // (clipPath1, clipPath2, … in every panel) unique within the document.
        int open = inner.IndexOf("<svg", StringComparison.Ordinal);
        if (open < 0) throw new InvalidOperationException("OxyPlot's SVG has no <svg> element");
        return inner[open..]
            .Replace("id=\"clipPath", $"id=\"{id}-clipPath", StringComparison.Ordinal)
            .Replace("url(#clipPath", $"url(#{id}-clipPath", StringComparison.Ordinal)
            .Insert(4, string.Create(CultureInfo.InvariantCulture, $" id=\"{id}\" x=\"0\" y=\"{y}\"")) + "\n";
    }
}
