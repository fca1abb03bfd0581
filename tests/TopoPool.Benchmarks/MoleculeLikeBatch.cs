using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;

namespace TopoPool.Benchmarks;

/// <summary>
/// Random batches shaped like the reference molecules (shared/bench/molecules_128.json): graphs of 10–45 atoms,
/// a random tree of degree at most 4 plus ring closures on about one atom in eight, bonds listed in both
/// directions plus one self-loop per atom, as the authors' preprocessing feeds the layer.
/// </summary>
public static class MoleculeLikeBatch
{
    public static BenchmarkBatch Create(int nodes, int seed = 1)
    {
        var rng = new Random(seed);
        var sources = new List<long>();
        var targets = new List<long>();
        var batch = new long[nodes];
        var degree = new int[nodes];
        int graph = 0;
        for (int start = 0; start < nodes; graph++)
        {
            int size = Math.Min(rng.Next(10, 46), nodes - start);
            void Bond(int a, int b)
            {
                sources.Add(a); targets.Add(b);
                sources.Add(b); targets.Add(a);
                degree[a]++; degree[b]++;
            }
            for (int i = start; i < start + size; i++)
            {
                batch[i] = graph;
                sources.Add(i); targets.Add(i);
                if (i == start) continue;
                int parent = Math.Max(start, i - 1 - rng.Next(3));
                if (degree[parent] >= 4) parent = i - 1;
                Bond(parent, i);
                if (i - start >= 5 && rng.Next(8) == 0 && degree[i] < 4 && degree[i - 5] < 4) Bond(i - 5, i);
            }
            start += size;
        }
        return BenchmarkBatch.Create(nodes, sources.ToArray(), targets.ToArray(), batch, graph, null, 0);
    }
}
