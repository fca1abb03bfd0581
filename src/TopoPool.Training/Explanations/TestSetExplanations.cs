using TopoPool.Chemistry.Smiles;
using TopoPool.Torch.Models;
using TopoPool.Training.Batching;
using TopoPool.Training.Data;
using static TorchSharp.torch;

namespace TopoPool.Training.Explanations;

/// <summary>
/// The clusters a trained model finds in every graph of a test set, written next to the results: one JSON line per
/// graph (<c>seedN.explanations.jsonl</c>) and the summary of the substructures that most often form the
/// highest-weighted cluster (<c>seedN.summary.md</c>). Nodes are labelled by element when the sample has a SMILES,
/// by MUTAG's atom types for MUTAG, and by their node label otherwise.
/// </summary>
public static class TestSetExplanations
{
    private static readonly string[] MutagAtoms = ["C", "N", "O", "F", "I", "Cl", "Br"];

    public static IReadOnlyList<StructureExplanation> Explain(PipelineModel model, string dataset, IReadOnlyList<GraphSample> samples, int batchSize, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var explanations = new List<StructureExplanation>(samples.Count);
        foreach (var chunk in samples.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            using var cpu = GraphBatchCollator.Collate(chunk);
            var batch = cpu.To(device);
            var pooling = model.call(batch).Pooling ?? throw new InvalidOperationException("the model has no pooling layer to explain");
            var clusters = PoolResultReader.PerGraph(pooling, batch.Batch, batch.NumGraphs);
            for (int g = 0; g < chunk.Length; g++)
            {
                var (labels, molecule) = Labels(dataset, chunk[g]);
                explanations.Add(new StructureExplanation(chunk[g].Smiles ?? chunk[g].Id, chunk[g].Smiles is null ? "graph" : "molecule", labels, clusters[g], molecule));
            }
        }
        return explanations;
    }

    public static void Write(IReadOnlyList<StructureExplanation> explanations, string jsonLinesPath, string summaryPath)
    {
        File.WriteAllLines(jsonLinesPath, explanations.Select(e => e.ToJson()));
        File.WriteAllText(summaryPath, StrongestClusterSummary.ToMarkdown(StrongestClusterSummary.Summarize(explanations)));
    }

    private static (IReadOnlyList<string> Labels, Chemistry.Molecule? Molecule) Labels(string dataset, GraphSample sample)
    {
        int n = sample.Graph.NumNodes;
        if (sample.Smiles is { } smiles && SmilesReader.TryParse(SmilesFragments.Longest(smiles), out var molecule, out _) && molecule!.Atoms.Count == n)
            return (molecule.Atoms.Select(a => a.Symbol).ToList(), molecule);
        if (sample.Graph.HasNodeLabels)
        {
            bool mutag = dataset.Equals("MUTAG", StringComparison.OrdinalIgnoreCase);
            return (sample.Graph.NodeLabels.Select(l => mutag && l >= 0 && l < MutagAtoms.Length ? MutagAtoms[l] : $"L{l}").ToList(), null);
        }
        return (Enumerable.Range(0, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), null);
    }
}
