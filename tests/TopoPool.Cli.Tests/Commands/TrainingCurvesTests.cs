using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

/// <summary>
/// <c>train --out DIR</c> writes <c>DIR/curves.svg</c>. The expected curves and chosen epochs come from the
/// <c>seedN.result.json</c> files of the same run, not from the chart code; the picture's geometry is read from the SVG
/// (each seed's lines must plot its numbers through one axis mapping) and the picture is rendered with Svg.Skia.
/// </summary>
public class TrainingCurvesTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private sealed record SeedHistory(int Seed, int BestEpoch, double[] TrainLoss, double[] ValidationLoss, double[] ValidationMetric);

    private sealed record Shape(string Stroke, string Fill, bool Dashed, (double X, double Y)[] Points);

    [Fact]
    public void Train_out_draws_each_seed_s_losses_and_metric_with_its_chosen_epoch_marked_and_redraws_them_for_reused_seeds()
    {
        var folder = Directory.CreateTempSubdirectory("topopool-curves").FullName;
        // A high learning rate makes seed 1's best epoch the first, so that the markers are not all on the last epoch.
        string[] train = ["train", "--epochs", "3", "--seeds", "1-2", "--lr", "0.05", "--out", folder];
        var run = CliProcess.Run(null, train);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var curves = Path.Combine(folder, "curves.svg");
        Assert.True(File.Exists(curves), $"no curves.svg in {folder}: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        var seeds = new[] { 1, 2 }.Select(s => ReadHistory(Path.Combine(folder, $"seed{s}.result.json"))).ToList();

        var document = XDocument.Load(curves);
        var loss = Panel(document, "loss-panel");
        var metric = Panel(document, "metric-panel");
        CheckPanel(loss, seeds, s => [s.TrainLoss, s.ValidationLoss], allowLogScale: true);
        CheckPanel(metric, seeds, s => [s.ValidationMetric], allowLogScale: false);
        foreach (var panel in new[] { loss, metric })
            Assert.Equal(["seed 1", "seed 2"], panel.Descendants(Svg + "text").Select(t => t.Value.Trim()).Where(t => t.StartsWith("seed ", StringComparison.Ordinal)).Order());

        using (var bitmap = SvgRendering.Render(File.ReadAllText(curves)))
        {
            // Both panels are drawn: each half holds a good share of non-white pixels.
            Assert.True(SvgRendering.NonWhiteShare(bitmap, 0, bitmap.Height / 2) > 0.02, "the top half of the rendered curves is (nearly) blank");
            Assert.True(SvgRendering.NonWhiteShare(bitmap, bitmap.Height / 2, bitmap.Height) > 0.02, "the bottom half of the rendered curves is (nearly) blank");
        }

        // Run again: both seeds are reused from the folder, and the chart is written again from their results.
        var before = File.ReadAllText(curves);
        File.Delete(curves);
        var again = CliProcess.Run(null, train);
        Assert.True(again.ExitCode == 0, again.StandardError);
        Assert.Contains("seed 2: finished earlier, reused", again.StandardError);
        Assert.Equal(before, File.ReadAllText(curves));
    }

    /// <summary>
    /// Every seed has one line per series with one point per epoch; one assignment of seeds to colours makes all the
    /// lines one mapping of (epoch, value) to pixels (x linear in the epoch, y linear in the value or its logarithm); and
    /// each seed's diamond sits on its validation line at the chosen epoch, in its colour.
    /// </summary>
    private static void CheckPanel(XElement panel, IReadOnlyList<SeedHistory> seeds, Func<SeedHistory, double[][]> series,
        bool allowLogScale)
    {
        int epochs = seeds[0].TrainLoss.Length;
        var lines = Shapes(panel, "polyline").Where(l => l.Points.Length == epochs && l.Stroke != "black").ToList();
        var colours = lines.Select(l => l.Stroke).Distinct().ToList();
        Assert.Equal(seeds.Count, colours.Count);
        foreach (var colour in colours) Assert.Equal(series(seeds[0]).Length, lines.Count(l => l.Stroke == colour));

        // The seed of each colour: the assignment under which every line fits one axis mapping.
        var fits = Permutations(colours).Where(order => FitsOneMapping(lines, order, seeds, series, allowLogScale)).ToList();
        Assert.True(fits.Count == 1, $"{fits.Count} assignments of seeds to the colours {string.Join(", ", colours)} fit the plotted values");
        var colourOf = seeds.Select((s, i) => (s.Seed, Colour: fits[0][i])).ToDictionary(p => p.Seed, p => p.Colour);

        var markers = Shapes(panel, "polygon").Where(p => p.Points.Length == 4).ToList();
        Assert.Equal(seeds.Count, markers.Count);
        foreach (var seed in seeds)
        {
            // The marked line is the validation line: the only one in the metric panel, the dashed one in the loss panel.
            var ofSeed = lines.Where(l => l.Stroke == colourOf[seed.Seed]).ToList();
            var line = ofSeed.Count == 1 ? ofSeed[0] : ofSeed.Single(l => l.Dashed);
            var expected = line.Points[seed.BestEpoch - 1];
            var marker = markers.SingleOrDefault(m => m.Fill == colourOf[seed.Seed]);
            Assert.True(marker is not null, $"no marker in seed {seed.Seed}'s colour {colourOf[seed.Seed]}");
            double x = marker.Points.Average(p => p.X), y = marker.Points.Average(p => p.Y);
            Assert.True(Math.Abs(x - expected.X) < 0.01 && Math.Abs(y - expected.Y) < 0.01,
                $"seed {seed.Seed}'s marker is at ({x:F2}, {y:F2}), its chosen epoch {seed.BestEpoch} is drawn at ({expected.X:F2}, {expected.Y:F2})");
        }
    }

    private static bool FitsOneMapping(List<Shape> lines, IReadOnlyList<string> order, IReadOnlyList<SeedHistory> seeds,
        Func<SeedHistory, double[][]> series, bool allowLogScale)
    {
        var xs = new List<(double Value, double Pixel)>();
        var ys = new List<(double Value, double Pixel)>();
        for (int i = 0; i < seeds.Count; i++)
        {
            var drawn = lines.Where(l => l.Stroke == order[i]).OrderBy(l => l.Dashed).ToList();
            var values = series(seeds[i]);
            for (int k = 0; k < values.Length; k++)
            {
                for (int e = 0; e < values[k].Length; e++)
                {
                    xs.Add((e + 1, drawn[k].Points[e].X));
                    ys.Add((values[k][e], drawn[k].Points[e].Y));
                }
            }
        }
        return IsAffine(xs) && (IsAffine(ys) || (allowLogScale && ys.All(p => p.Value > 0) && IsAffine(ys.Select(p => (Math.Log(p.Value), p.Pixel)).ToList())));
    }

    /// <summary>Whether pixel = a·value + b for all pairs (least squares, within 0.05 px), with distinct values giving distinct pixels.</summary>
    private static bool IsAffine(IReadOnlyList<(double Value, double Pixel)> pairs)
    {
        double mv = pairs.Average(p => p.Value), mp = pairs.Average(p => p.Pixel);
        double sxx = pairs.Sum(p => (p.Value - mv) * (p.Value - mv));
        if (sxx == 0) return pairs.All(p => Math.Abs(p.Pixel - mp) < 0.05);
        double a = pairs.Sum(p => (p.Value - mv) * (p.Pixel - mp)) / sxx;
        return a != 0 && pairs.All(p => Math.Abs(a * (p.Value - mv) + mp - p.Pixel) < 0.05);
    }

    private static IEnumerable<IReadOnlyList<string>> Permutations(IReadOnlyList<string> items) =>
        items.Count <= 1 ? [items]
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => (IReadOnlyList<string>)[item, .. rest]));

    private static XElement Panel(XDocument document, string id)
    {
        var panel = document.Descendants(Svg + "svg").SingleOrDefault(e => (string?)e.Attribute("id") == id);
        Assert.True(panel is not null, $"curves.svg has no <svg id=\"{id}\">");
        return panel;
    }

    private static List<Shape> Shapes(XElement panel, string element) =>
        panel.Descendants(Svg + element).Select(e =>
        {
            var style = ((string?)e.Attribute("style") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
            var points = ((string?)e.Attribute("points") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
            return new Shape(style.GetValueOrDefault("stroke", ""), style.GetValueOrDefault("fill", ""), style.ContainsKey("stroke-dasharray"), points);
        }).ToList();

    private static SeedHistory ReadHistory(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var history = root.GetProperty("history").EnumerateArray().OrderBy(h => h.GetProperty("epoch").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.GetProperty("epoch").GetInt32()));
        double[] Column(string name) => history.Select(h => h.GetProperty(name).GetDouble()).ToArray();
        return new SeedHistory(root.GetProperty("run").GetProperty("seed").GetInt32(), root.GetProperty("run").GetProperty("best_epoch").GetInt32(),
            Column("train_loss"), Column("validation_loss"), Column("validation_metric"));
    }
}
