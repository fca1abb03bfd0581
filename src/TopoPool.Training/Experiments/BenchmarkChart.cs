using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace TopoPool.Training.Experiments;

/// <summary>
/// One dataset's results as an SVG chart (OxyPlot, no display needed): a horizontal bar per row (GNN and pool) with
/// the mean over seeds and an error bar of one standard deviation, ours beside the paper's where the paper has the cell.
/// </summary>
public static class BenchmarkChart
{
    /// <summary>The chart's SVG text.</summary>
    public static string Svg(string dataset, string metric, IReadOnlyList<(string Row, double Mean, double Std, (double Mean, double Std)? Paper)> rows)
    {
        var model = new PlotModel
        {
            Title = $"{dataset}: test {metric}, mean ± std over seeds",
            DefaultFont = "sans-serif",
            TitleFontSize = 14,
            Background = OxyColors.White,
        };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.BottomRight, LegendPlacement = LegendPlacement.Inside });
        var categories = new CategoryAxis { Position = AxisPosition.Left, GapWidth = 0.4 };
        foreach (var row in rows) categories.Labels.Add(row.Row);
        model.Axes.Add(categories);
        double top = rows.Select(r => Math.Max(r.Mean + r.Std, r.Paper is { } p ? p.Mean + p.Std : 0)).DefaultIfEmpty(1).Max();
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = top * 1.05, Title = metric, MajorGridlineStyle = LineStyle.Dot });
        var ours = new ErrorBarSeries { Title = "ours", FillColor = OxyColor.FromRgb(0, 114, 178), StrokeThickness = 0, ErrorStrokeThickness = 1.5 };
        var paper = new ErrorBarSeries { Title = "paper", FillColor = OxyColor.FromRgb(230, 159, 0), StrokeThickness = 0, ErrorStrokeThickness = 1.5 };
        foreach (var row in rows)
        {
            ours.Items.Add(new ErrorBarItem { Value = row.Mean, Error = row.Std });
            paper.Items.Add(row.Paper is { } p ? new ErrorBarItem { Value = p.Mean, Error = p.Std } : new ErrorBarItem { Value = 0, Error = 0 });
        }
        model.Series.Add(ours);
        if (rows.Any(r => r.Paper is not null)) model.Series.Add(paper);
        using var stream = new MemoryStream();
        new SvgExporter { Width = 720, Height = 90 + 46 * Math.Max(1, rows.Count) }.Export(model, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
    }
}
