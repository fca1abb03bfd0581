using TopoPool.Core.Pipelines;
using System.Collections.Immutable;
using TopoPool.Core;

namespace TopoPool.Training.Data;

/// <summary>
/// One graph of a dataset with its label: a class index (classification) or a real target (regression), an id
/// that names it in messages, and what else its source knows about it (the SMILES and Bemis–Murcko scaffold of
/// a molecule, the planted motif of a synthetic graph, the edge labels of a TU graph). Immutable.
/// </summary>
/// <remarks>
/// Edges follow PyTorch Geometric's <c>edge_index</c>: every undirected edge is listed in both directions
/// (TU files already are; molecule bonds are written both ways), and molecule graphs carry one self-loop per node,
/// as BENCHMARK.md's molecule preparation says.
/// </remarks>
public sealed class GraphSample
{
    private readonly int classIndex;
    private readonly double target;

    private GraphSample(
        Graph graph,
        string id,
        TaskKind task,
        int classIndex,
        double target,
        string? smiles,
        string? scaffoldKey,
        int sourceRowCount,
        ImmutableArray<int> motifNodes,
        ImmutableArray<int> edgeLabels)
    {
        Graph = graph;
        Id = id;
        Task = task;
        this.classIndex = classIndex;
        this.target = target;
        Smiles = smiles;
        ScaffoldKey = scaffoldKey;
        SourceRowCount = sourceRowCount;
        MotifNodes = motifNodes.IsDefault ? ImmutableArray<int>.Empty : motifNodes;
        EdgeLabels = edgeLabels.IsDefault ? ImmutableArray<int>.Empty : edgeLabels;
    }

    public Graph Graph { get; }

    /// <summary>A name for messages and result files: <c>MUTAG/17</c> (1-based graph id of the TU files), a TDC
    /// <c>Drug_ID</c>, or <c>synthetic/42-house</c>.</summary>
    public string Id { get; }

    public TaskKind Task { get; }

    /// <summary>The class index (0-based). Throws <see cref="InvalidOperationException"/> on a regression sample.</summary>
    public int ClassIndex => Task == TaskKind.Classification
        ? classIndex
        : throw new InvalidOperationException($"sample {Id} is a regression sample; it has a Target, not a ClassIndex");

    /// <summary>The regression target. Throws <see cref="InvalidOperationException"/> on a classification sample.</summary>
    public double Target => Task == TaskKind.Regression
        ? target
        : throw new InvalidOperationException($"sample {Id} is a classification sample; it has a ClassIndex, not a Target");

    /// <summary>The label as one number: the class index for classification, the target for regression.</summary>
    public double LabelValue => Task == TaskKind.Classification ? classIndex : target;

    /// <summary>The SMILES as written in the source file (before the longest-fragment rule), or null.</summary>
    public string? Smiles { get; }

    /// <summary>The Bemis–Murcko scaffold key used by <see cref="ScaffoldSplit"/> (empty for acyclic molecules),
    /// or null when the sample is not a molecule.</summary>
    public string? ScaffoldKey { get; }

    /// <summary>How many rows of the source file this sample stands for: duplicate SMILES are merged into one
    /// sample whose target is their mean. 1 for every graph that is not a merged molecule.</summary>
    public int SourceRowCount { get; }

    /// <summary>The nodes of the planted motif, ascending (synthetic set); empty otherwise.</summary>
    public ImmutableArray<int> MotifNodes { get; }

    public bool HasMotif => MotifNodes.Length > 0;

    /// <summary>One label per entry of <c>Graph.Edges</c>, shifted so the smallest is 0 (TU <c>_edge_labels</c>);
    /// empty when the source has none.</summary>
    public ImmutableArray<int> EdgeLabels { get; }

    /// <summary>A classification sample. <paramref name="motifNodes"/> and <paramref name="edgeLabels"/> may be
    /// default (none); motif nodes must be valid node indices, edge labels one per edge.</summary>
    public static GraphSample ForClass(
        Graph graph,
        string id,
        int classIndex,
        ImmutableArray<int> motifNodes = default,
        ImmutableArray<int> edgeLabels = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        CheckNodeSet(graph, motifNodes, nameof(motifNodes));
        CheckEdgeLabels(graph, edgeLabels);
        return new GraphSample(graph, id, TaskKind.Classification, classIndex, double.NaN, null, null, 1, motifNodes, edgeLabels);
    }

    /// <summary>A regression sample. The target must be finite; <paramref name="sourceRowCount"/> is at least 1.</summary>
    public static GraphSample ForTarget(
        Graph graph,
        string id,
        double target,
        string? smiles = null,
        string? scaffoldKey = null,
        int sourceRowCount = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        if (!double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "the target must be a finite number");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sourceRowCount, 1);
        return new GraphSample(graph, id, TaskKind.Regression, -1, target, smiles, scaffoldKey, sourceRowCount, default, default);
    }

    public override string ToString() =>
        Task == TaskKind.Classification ? $"{Id}: class {classIndex}, {Graph}" : $"{Id}: {target}, {Graph}";

    private static void CheckNodeSet(Graph graph, ImmutableArray<int> nodes, string parameter)
    {
        if (nodes.IsDefault)
        {
            return;
        }

        foreach (int node in nodes)
        {
            if (node < 0 || node >= graph.NumNodes)
            {
                throw new ArgumentOutOfRangeException(parameter, node, $"node {node} is not a node of a graph with {graph.NumNodes} nodes");
            }
        }
    }

    private static void CheckEdgeLabels(Graph graph, ImmutableArray<int> edgeLabels)
    {
        if (!edgeLabels.IsDefault && edgeLabels.Length != 0 && edgeLabels.Length != graph.Edges.Length)
        {
            throw new ArgumentException($"{edgeLabels.Length} edge labels for {graph.Edges.Length} edges", nameof(edgeLabels));
        }
    }
}
