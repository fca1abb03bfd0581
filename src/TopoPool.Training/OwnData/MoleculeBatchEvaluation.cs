using TopoPool.Chemistry.Tables;
using TopoPool.Core;
using TopoPool.Torch.Models;
using TopoPool.Training.Data;
using static TorchSharp.torch;

namespace TopoPool.Training.OwnData;

/// <summary>One input record with what a model computed for it, or why nothing could be computed (<c>line 17: unclosed ring 1
/// at position 3</c>: the input line, then the place inside the record).</summary>
public sealed record RecordOutput(MoleculeRecord Record, double[]? Values, string? Error);

/// <summary>
/// Streams records through a model in batches: each readable record's molecule is featurized and prepared as for
/// training, batches of <c>batchSize</c> consecutive records (<see cref="Block"/>) are evaluated (eval mode, no gradient) and each record comes out
/// with one row of values, in input order; an unreadable record, or one whose molecule has no bond, comes out with its
/// error. Memory holds one batch, whatever the length of the input.
/// </summary>
public static class MoleculeBatchEvaluation
{
    public static IEnumerable<RecordOutput> Run(IEnumerable<MoleculeRecord> records, MoleculeFeaturizer featurizer, int batchSize, Device device,
                                                Func<GraphBatch, List<double[]>> evaluate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pending = new List<(MoleculeRecord Record, Graph? Graph, string? Error)>(batchSize);
        long block = -1;
        foreach (var record in records)
        {
            long of = Block(record.Row, batchSize);
            if (of != block && pending.Count > 0)
            {
                foreach (var output in Flush(pending, device, evaluate)) yield return output;
                pending.Clear();
            }
            block = of;
            pending.Add(Prepare(record, featurizer));
        }
        foreach (var output in Flush(pending, device, evaluate)) yield return output;
    }

    /// <summary>
    /// The batch a record belongs to: rows 1..B form block 0, B+1..2B block 1, and so on. Batches are whole blocks, never
    /// a count of readable molecules, so a batch holds the same molecules however the input is divided (a shard owns
    /// whole blocks, <see cref="ShardOwns"/>) and the predictions of a sharded run are bit for bit those of one run.
    /// </summary>
    public static long Block(int row, int batchSize) => (row - 1L) / batchSize;

    /// <summary>Whether shard <paramref name="index"/> of <paramref name="count"/> owns <paramref name="row"/>: blocks of
    /// <paramref name="batchSize"/> rows are dealt out in turn.</summary>
    public static bool ShardOwns(int row, int batchSize, int index, int count) => Block(row, batchSize) % count == index;

    private static (MoleculeRecord, Graph?, string?) Prepare(MoleculeRecord record, MoleculeFeaturizer featurizer)
    {
        if (record.Molecule is not { } molecule) return (record, null, $"line {record.Line}: {record.Error ?? "no molecule"}");
        var graph = featurizer.Prepare(molecule);
        return graph.NumNodes < 2 ? (record, null, $"line {record.Line}: the molecule has no bond") : (record, graph, null);
    }

    private static List<RecordOutput> Flush(List<(MoleculeRecord Record, Graph? Graph, string? Error)> pending, Device device,
                                            Func<GraphBatch, List<double[]>> evaluate)
    {
        var outputs = new List<RecordOutput>(pending.Count);
        var graphs = pending.Where(p => p.Graph is not null).Select(p => p.Graph!).ToList();
        List<double[]> values = [];
        if (graphs.Count > 0)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var batch = GraphBatch.From(graphs, device);
            values = evaluate(batch);
        }
        int next = 0;
        foreach (var (record, graph, error) in pending)
            outputs.Add(graph is null ? new RecordOutput(record, null, error) : new RecordOutput(record, values[next++], null));
        return outputs;
    }
}
