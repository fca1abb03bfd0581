using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Core;

namespace TopoPool.Training.Data;

/// <summary>
/// BENCHMARK.md's molecule preparation, done on the Core <see cref="Graph"/>: keep the longest fragment string,
/// remove self-loops, remove isolated atoms, then add one self-loop to every node. The caller skips molecules left
/// with fewer than two nodes (single atoms).
/// </summary>
/// <remarks>
/// <see cref="Molecule.ToGraph"/> lists each bond once (<c>Edge(Begin, End)</c>); the prepared graph lists every bond in
/// both directions, one after the other in bond order, then the self-loops in node order — the same
/// <c>edge_index</c> as TDC's PyTorch Geometric conversion followed by <c>add_self_loops</c>. Duplicate bonds (in either
/// direction) are written once. Features are computed on the whole fragment first (so an atom's degree counts all its
/// bonds), then the rows of removed nodes are dropped.
/// </remarks>
public static class MoleculeGraphPreparation
{
    /// <summary>The prepared graph of a molecule with the TDC atom features (<see cref="TdcAtomFeatures"/>, 39 columns).</summary>
    public static Graph Prepare(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        return Prepare(TdcAtomFeatures.ToGraph(molecule));
    }

    /// <summary>
    /// Self-loops removed, isolated nodes removed (the others renumbered in order, their feature rows and node labels
    /// kept), every remaining edge in both directions, one self-loop per node.
    /// </summary>
    public static Graph Prepare(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NumNodes;
        var seen = new HashSet<(int, int)>();
        var bonds = new List<Edge>(graph.Edges.Length);
        bool[] connected = new bool[n];
        foreach (Edge edge in graph.Edges)
        {
            if (edge.IsSelfLoop)
            {
                continue;
            }

            Edge canonical = edge.Canonical;
            if (seen.Add((canonical.Source, canonical.Target)))
            {
                bonds.Add(edge);
                connected[edge.Source] = true;
                connected[edge.Target] = true;
            }
        }

        int[] newIndex = new int[n];
        var kept = new List<int>(n);
        for (int v = 0; v < n; v++)
        {
            newIndex[v] = connected[v] ? kept.Count : -1;
            if (connected[v])
            {
                kept.Add(v);
            }
        }

        var edges = new Edge[2 * bonds.Count + kept.Count];
        for (int k = 0; k < bonds.Count; k++)
        {
            int a = newIndex[bonds[k].Source], b = newIndex[bonds[k].Target];
            edges[2 * k] = new Edge(a, b);
            edges[2 * k + 1] = new Edge(b, a);
        }

        for (int v = 0; v < kept.Count; v++)
        {
            edges[2 * bonds.Count + v] = new Edge(v, v);
        }

        FeatureMatrix features = kept.Count == n ? graph.Features : graph.Features.SelectRows(kept);
        IEnumerable<int>? labels = graph.HasNodeLabels ? kept.Select(v => graph.NodeLabels[v]) : null;
        return Graph.Create(kept.Count, edges, features, labels);
    }
}
