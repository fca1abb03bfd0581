using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Testing;
using TopoPool.Training.Data;

namespace TopoPool.Training.Tests.Data;

/// <summary>
/// A corrupted line costs only the graph it touches: random lines of a MUTAG copy (any of its five files) are replaced
/// by text that cannot be read or by impossible ids, and every graph that no corrupted line touches — worked out from
/// the undamaged files — must be read back identical (graph, class, edge labels), in order, with no exception.
/// Shrinking removes corruptions one at a time.
/// </summary>
public sealed class TuDatasetCorruptionProperties
{
    private static readonly string Original = SharedFolder.Path("data", "tu", "MUTAG");
    private static readonly string[] Files = ["graph_labels", "graph_indicator", "node_labels", "A", "edge_labels"];
    private static readonly string[][] Lines = Files.Select(f => File.ReadAllLines(TuDatasetReader.FilePath(Original, "MUTAG", f))).ToArray();
    private static readonly int[] GraphOfNode = Lines[1].Select(l => int.Parse(l.Trim()) - 1).ToArray();
    private static readonly int[] GraphOfEdge = Lines[3].Select(l => GraphOfNode[int.Parse(l.Split(',')[0].Trim()) - 1]).ToArray();
    private static readonly GraphDataset Intact = TuDatasetReader.Read(Original);

    private static readonly string[] Unreadable = ["x", "1.5", "\u0000\u0001garbage", "", "1, 2, 3", "  #  ", "\u00ff\uFFFD"];
    private static readonly string[] ImpossibleEdges = ["99999, 1", "0, 5", "-3, 2", "12"];
    private static readonly string[] ImpossibleGraphIds = ["0", "99999", "-1"];

    private sealed record Damage(int File, int LinePick, int TextPick);

    private static readonly Gen<Damage> DamageGen =
        from file in Gen.Choose(0, Files.Length - 1)
        from line in Gen.Choose(0, int.MaxValue - 1)
        from text in Gen.Choose(0, 99)
        select new Damage(file, line, text);

    private static IEnumerable<ImmutableArray<Damage>> Shrink(ImmutableArray<Damage> damages) =>
        Enumerable.Range(0, damages.Length).Where(_ => damages.Length > 1).Select(damages.RemoveAt);

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Every_graph_no_corrupted_line_touches_is_kept_identical() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 6).SelectMany(n => DamageGen.ArrayOf(n)).Select(d => d.ToImmutableArray()), Shrink), damages =>
        {
            using var temp = new TemporaryFolder();
            string folder = temp.CopyFolder(Original, "MUTAG");
            var touched = new HashSet<int>();
            var lines = Lines.Select(l => (string[])l.Clone()).ToArray();
            var applied = new List<string>();
            foreach (Damage damage in damages)
            {
                int line = PickLine(damage);
                string text = PickText(damage, line);
                lines[damage.File][line] = text;
                touched.Add(damage.File switch { 0 => line, 1 or 2 => GraphOfNode[line], _ => GraphOfEdge[line] });
                applied.Add($"{Files[damage.File]} line {line + 1} := '{text}'");
            }

            for (int f = 0; f < Files.Length; f++)
            {
                File.WriteAllLines(TuDatasetReader.FilePath(folder, "MUTAG", Files[f]), lines[f]);
            }

            GraphDataset read = TuDatasetReader.Read(folder);
            var byId = read.Samples.ToDictionary(s => s.Id);
            var missing = Intact.Samples.Where((s, g) => !touched.Contains(g) && !byId.ContainsKey(s.Id)).Select(s => s.Id).ToList();
            var changed = read.Samples.Where(s => !SameAsIntact(s)).Select(s => s.Id).ToList();
            bool inOrder = read.Samples.Select(s => IndexOf(s.Id)).SequenceEqual(read.Samples.Select(s => IndexOf(s.Id)).Order());
            return (missing.Count == 0 && changed.Count == 0 && inOrder && read.NodeFeatureWidth == Intact.NodeFeatureWidth)
                .Label($"damage: {string.Join("; ", applied)}\ntouched graphs: {string.Join(", ", touched.Order().Select(g => g + 1))}\n" +
                       $"missing: {string.Join(", ", missing)}\nchanged: {string.Join(", ", changed)}\nwarnings:\n{string.Join("\n", read.Warnings)}");
        });

    /// <summary>A line to corrupt; never one holding the only instances of the smallest or largest label, whose loss
    /// would change every graph's feature width or label offset however carefully the rest is read.</summary>
    private static int PickLine(Damage damage)
    {
        string[] file = Lines[damage.File];
        int line = damage.LinePick % file.Length;
        if (damage.File is 2 or 4)
        {
            int[] values = file.Select(l => int.Parse(l.Trim())).ToArray();
            int min = values.Min(), max = values.Max();
            while (values[line] == min && values.Count(v => v == min) < 10 || values[line] == max && values.Count(v => v == max) < 10)
            {
                line = (line + 1) % file.Length;
            }
        }

        return line;
    }

    private static string PickText(Damage damage, int line)
    {
        string[] choices = damage.File switch
        {
            1 => [.. Unreadable, .. ImpossibleGraphIds],
            3 => [.. Unreadable, .. ImpossibleEdges],
            _ => Unreadable,
        };
        string text = choices[damage.TextPick % choices.Length];
        // An empty last line would be a trailing blank line, which is the file ending early rather than a corrupted line.
        return text.Length == 0 && line == Lines[damage.File].Length - 1 ? "x" : text;
    }

    private static int IndexOf(string id) => int.Parse(id["MUTAG/".Length..]) - 1;

    private static bool SameAsIntact(GraphSample sample)
    {
        GraphSample intact = Intact[IndexOf(sample.Id)];
        return intact.Graph.Equals(sample.Graph) && intact.ClassIndex == sample.ClassIndex && intact.EdgeLabels.SequenceEqual(sample.EdgeLabels);
    }
}
