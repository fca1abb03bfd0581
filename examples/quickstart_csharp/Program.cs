using TopoPool.Core;

// A 5-node graph: node 1 sits between two peaks (0 and 2) and two leaves (3, 4).
var graph = Graph.Create(5, [new Edge(0, 1), new Edge(1, 2), new Edge(1, 3), new Edge(1, 4)]);
float[] scores = [3f, 2f, 3f, 1f, 1f];

Clustering clusters = TopoPoolSpec.Select(graph, scores);
for (int k = 0; k < clusters.NumClusters; k++)
    Console.WriteLine($"cluster {k}: peak {clusters.Peaks[k]}, members [{string.Join(", ", clusters.Members(k))}]");

var features = FeatureMatrix.Create(5, 2, [1f, 0f, 0f, 1f, 2f, 2f, 0f, 3f, 1f, 1f]);
PooledFeatures pooled = TopoPoolSpec.Reduce(features, scores, clusters);
Console.WriteLine($"cluster weights: [{string.Join(", ", pooled.Weights.Select(w => w.ToString("F3")))}]");
