using TopoPool.Torch.Pooling;
using static TorchSharp.torch;

namespace TopoPool.Training.Explanations;

/// <summary>Turns a pooling layer's tensors into per-graph clusters with local node indices.</summary>
public static class PoolResultReader
{
    /// <summary>
    /// The clusters of each graph of a batch. <paramref name="nodeBatch"/> is the input batch vector (the graph of each
    /// input node); cluster weights default to 1 for layers without weights, peaks to none.
    /// </summary>
    public static IReadOnlyList<GraphClusters> PerGraph(PoolResult result, Tensor nodeBatch, int numGraphs)
    {
        var batch = nodeBatch.cpu().data<long>().ToArray();
        var ptr = new int[numGraphs + 1];
        foreach (long g in batch) ptr[g + 1]++;
        for (int g = 0; g < numGraphs; g++) ptr[g + 1] += ptr[g];

        int k = (int)result.NumClusters;
        var clusterGraph = result.Batch.cpu().data<long>().ToArray();
        var nodes = result.NodeIndex.cpu().data<long>().ToArray();
        var clusters = result.ClusterIndex.cpu().data<long>().ToArray();
        var weights = result.Weights is null ? Enumerable.Repeat(1f, k).ToArray() : result.Weights.detach().to(ScalarType.Float32).cpu().data<float>().ToArray();
        var peaks = result.Peaks?.cpu().data<long>().ToArray();
        var scores = result.Scores?.detach().to(ScalarType.Float32).cpu().data<float>().ToArray();

        var members = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        for (int p = 0; p < nodes.Length; p++) members[clusters[p]].Add((int)nodes[p]);

        var perGraph = Enumerable.Range(0, numGraphs).Select(_ => new List<ClusterView>()).ToArray();
        for (int c = 0; c < k; c++)
        {
            int g = (int)clusterGraph[c];
            int offset = ptr[g];
            var local = members[c].Select(v => v - offset).Order().ToArray();
            perGraph[g].Add(new ClusterView(perGraph[g].Count, local, peaks is null ? null : (int)peaks[c] - offset, weights[c]));
        }
        return Enumerable.Range(0, numGraphs).Select(g => new GraphClusters(
            perGraph[g],
            scores is null ? [] : scores[ptr[g]..ptr[g + 1]])).ToList();
    }
}
