using System.Runtime.CompilerServices;

namespace TopoPool.Torch.Pooling;

/// <summary>
/// The managed engine's algorithm and its reusable buffers (one workspace per thread): CSR adjacency without
/// self-loops, the peak test, level-synchronous max-region descent with label sets, and the assignment sorted
/// by cluster then node. O(N + E + M) time; buffers grow and are reused, so a steady state allocates nothing
/// but the output tensors.
/// </summary>
internal sealed class DescentWorkspace
{
    private int[] rowStart = [], neighbours = [], cursor = [];
    private int[] levels = [], firstLabel = [], extraHead = [], frontier = [], next = [];
    private int[] extraLabel = new int[16], extraNext = new int[16];
    private int extraCount;
    private int[] peaks = [], clusterStart = [], nodeIndex = [], clusterIndex = [];
    private long[] keys = [];

    public int PeakCount { get; private set; }
    public int PairCount { get; private set; }
    public ReadOnlySpan<int> Peaks => peaks.AsSpan(0, PeakCount);
    public ReadOnlySpan<int> NodeIndex => nodeIndex.AsSpan(0, PairCount);
    public ReadOnlySpan<int> ClusterIndex => clusterIndex.AsSpan(0, PairCount);
    public ReadOnlySpan<int> Levels(int nodeCount) => levels.AsSpan(0, nodeCount);

    /// <summary>Validates the input and runs Select; results are read from the properties above.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Select(ReadOnlySpan<double> scores, ReadOnlySpan<long> sources, ReadOnlySpan<long> targets,
                       ReadOnlySpan<long> batch, long numGraphs)
    {
        int n = scores.Length;
        Validate(scores, sources, targets, batch, numGraphs);
        BuildAdjacency(n, sources, targets);

        // Peaks: no neighbour scores higher. Clusters are numbered in node order, which is (graph, node)
        // order because the batch vector is non-decreasing.
        Grow(ref peaks, n);
        Grow(ref levels, n);
        Grow(ref firstLabel, n);
        Grow(ref extraHead, n);
        Grow(ref frontier, n);
        Grow(ref next, n);
        int peakCount = 0;
        for (int i = 0; i < n; i++)
        {
            double score = scores[i];
            bool isPeak = true;
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++)
            {
                if (scores[neighbours[k]] > score) { isPeak = false; break; }
            }
            levels[i] = -1;
            firstLabel[i] = -1;
            extraHead[i] = -1;
            if (isPeak) peaks[peakCount++] = i;
        }
        PeakCount = peakCount;
        extraCount = 0;
        for (int c = 0; c < peakCount; c++)
        {
            int p = peaks[c];
            levels[p] = 0;
            firstLabel[p] = c;
            frontier[c] = p;
        }

        // Level t+1: every node first reached at level t hands its labels to each neighbour not assigned at a
        // level <= t whose score does not exceed its own; a node reached from several gets the union.
        int frontierLength = peakCount;
        for (int level = 1; frontierLength > 0; level++)
        {
            int nextLength = 0;
            for (int f = 0; f < frontierLength; f++)
            {
                int u = frontier[f];
                double score = scores[u];
                for (int k = rowStart[u], end = rowStart[u + 1]; k < end; k++)
                {
                    int v = neighbours[k];
                    int reached = levels[v];
                    if ((reached != -1 && reached != level) || scores[v] > score) continue;
                    if (reached == -1)
                    {
                        levels[v] = level;
                        next[nextLength++] = v;
                    }
                    AddLabel(v, firstLabel[u]);
                    for (int e = extraHead[u]; e != -1; e = extraNext[e]) AddLabel(v, extraLabel[e]);
                }
            }
            (frontier, next) = (next, frontier);
            frontierLength = nextLength;
        }

        // The assignment sorted by cluster then node: count, prefix sums, then nodes in ascending order.
        Grow(ref clusterStart, peakCount + 1);
        Array.Clear(clusterStart, 0, peakCount + 1);
        int pairs = 0;
        for (int v = 0; v < n; v++)
        {
            clusterStart[firstLabel[v] + 1]++;
            pairs++;
            for (int e = extraHead[v]; e != -1; e = extraNext[e]) { clusterStart[extraLabel[e] + 1]++; pairs++; }
        }
        for (int c = 0; c < peakCount; c++) clusterStart[c + 1] += clusterStart[c];
        Grow(ref cursor, peakCount);
        Array.Copy(clusterStart, cursor, peakCount);
        Grow(ref nodeIndex, pairs);
        Grow(ref clusterIndex, pairs);
        for (int v = 0; v < n; v++)
        {
            Place(v, firstLabel[v]);
            for (int e = extraHead[v]; e != -1; e = extraNext[e]) Place(v, extraLabel[e]);
        }
        PairCount = pairs;
    }

    /// <summary>The cluster graph (see <see cref="IDescentEngine.Connect"/>) as directed keys
    /// <c>source * clusterCount + target</c>, ascending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<long> Connect(int nodeCount, long clusterCount, ReadOnlySpan<long> sources, ReadOnlySpan<long> targets,
                                      ReadOnlySpan<long> pairNodes, ReadOnlySpan<long> pairClusters)
    {
        // Clusters of each node (CSR, ascending because the pairs are sorted by cluster), in the adjacency buffers
        // of Select, which are free again once Select's results have been copied out.
        Grow(ref rowStart, nodeCount + 1);
        Array.Clear(rowStart, 0, nodeCount + 1);
        for (int p = 0; p < pairNodes.Length; p++) rowStart[CheckNode(pairNodes[p], nodeCount, p) + 1]++;
        for (int v = 0; v < nodeCount; v++) rowStart[v + 1] += rowStart[v];
        Grow(ref cursor, nodeCount);
        Array.Copy(rowStart, cursor, nodeCount);
        Grow(ref neighbours, pairNodes.Length);
        for (int p = 0; p < pairNodes.Length; p++) neighbours[cursor[(int)pairNodes[p]]++] = (int)pairClusters[p];

        int count = 0;
        for (int e = 0; e < sources.Length; e++)
        {
            int a = CheckNode(sources[e], nodeCount, e), b = CheckNode(targets[e], nodeCount, e);
            if (a == b) continue;
            for (int i = rowStart[a]; i < rowStart[a + 1]; i++)
            {
                long k = neighbours[i];
                for (int j = rowStart[b]; j < rowStart[b + 1]; j++)
                {
                    long l = neighbours[j];
                    if (k == l) continue;
                    if (count + 2 > keys.Length) Array.Resize(ref keys, Math.Max(16, keys.Length * 2));
                    keys[count++] = k * clusterCount + l;
                    keys[count++] = l * clusterCount + k;
                }
            }
        }
        var span = keys.AsSpan(0, count);
        span.Sort();
        int unique = 0;
        for (int i = 0; i < span.Length; i++)
            if (unique == 0 || span[i] != span[unique - 1]) span[unique++] = span[i];
        return keys.AsSpan(0, unique);
    }

    private void Validate(ReadOnlySpan<double> scores, ReadOnlySpan<long> sources, ReadOnlySpan<long> targets,
                          ReadOnlySpan<long> batch, long numGraphs)
    {
        int n = scores.Length;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"the score of node {i} is {scores[i]}, not a finite number", "scores");
            long g = batch[i];
            if (g < 0 || g >= numGraphs) throw new ArgumentException($"node {i} is in graph {g}, out of range for {numGraphs} graphs", "batch");
            if (i > 0 && g < batch[i - 1]) throw new ArgumentException($"the batch vector decreases at node {i} (graphs must be contiguous and in order)", "batch");
        }
        for (int e = 0; e < sources.Length; e++)
        {
            long a = sources[e], b = targets[e];
            CheckNode(a, n, e);
            CheckNode(b, n, e);
            if (batch[(int)a] != batch[(int)b])
                throw new ArgumentException(SelectInput.EdgeJoinsGraphs(e, a, b, batch[(int)a], batch[(int)b]), "edgeIndex");
        }
    }

    private static int CheckNode(long node, int nodeCount, int edge)
    {
        if ((ulong)node >= (ulong)nodeCount)
            throw new ArgumentException($"entry {edge} has endpoint {node}, out of range for {nodeCount} nodes", "edgeIndex");
        return (int)node;
    }

    private void BuildAdjacency(int n, ReadOnlySpan<long> sources, ReadOnlySpan<long> targets)
    {
        Grow(ref rowStart, n + 1);
        Array.Clear(rowStart, 0, n + 1);
        int total = 0;
        for (int e = 0; e < sources.Length; e++)
        {
            int a = (int)sources[e], b = (int)targets[e];
            if (a == b) continue;
            rowStart[a + 1]++;
            rowStart[b + 1]++;
            total += 2;
        }
        for (int v = 0; v < n; v++) rowStart[v + 1] += rowStart[v];
        Grow(ref cursor, n);
        Array.Copy(rowStart, cursor, n);
        Grow(ref neighbours, total);
        for (int e = 0; e < sources.Length; e++)
        {
            int a = (int)sources[e], b = (int)targets[e];
            if (a == b) continue;
            neighbours[cursor[a]++] = b;
            neighbours[cursor[b]++] = a;
        }
    }

    private void AddLabel(int v, int label)
    {
        int first = firstLabel[v];
        if (first == -1) { firstLabel[v] = label; return; }
        if (first == label) return;
        for (int e = extraHead[v]; e != -1; e = extraNext[e]) if (extraLabel[e] == label) return;
        if (extraCount == extraLabel.Length)
        {
            Array.Resize(ref extraLabel, extraCount * 2);
            Array.Resize(ref extraNext, extraCount * 2);
        }
        extraLabel[extraCount] = label;
        extraNext[extraCount] = extraHead[v];
        extraHead[v] = extraCount++;
    }

    private void Place(int v, int cluster)
    {
        int position = cursor[cluster]++;
        nodeIndex[position] = v;
        clusterIndex[position] = cluster;
    }

    private static void Grow(ref int[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new int[Math.Max(length, buffer.Length * 2)];
    }
}
