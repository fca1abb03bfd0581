using TopoPool.Core;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The benchmark's graph steps on hand-made graphs.</summary>
public class MoleculeGraphPreparationTests
{
    [Fact]
    public void Self_loops_and_isolated_nodes_go_then_every_node_gets_one_self_loop()
    {
        // 0-1, 1-2 (listed twice, once reversed), a self-loop on 2, node 3 isolated, node 4 with only a self-loop.
        float[] values = [0, 10, 20, 30, 40];
        var graph = Graph.Create(
            5,
            [new Edge(0, 1), new Edge(1, 2), new Edge(2, 1), new Edge(2, 2), new Edge(4, 4)],
            FeatureMatrix.Create(5, 1, values),
            [7, 8, 9, 10, 11]);

        Graph prepared = MoleculeGraphPreparation.Prepare(graph);

        Assert.Equal(3, prepared.NumNodes);
        Assert.Equal(
            [new Edge(0, 1), new Edge(1, 0), new Edge(1, 2), new Edge(2, 1), new Edge(0, 0), new Edge(1, 1), new Edge(2, 2)],
            prepared.Edges.ToArray());
        Assert.Equal([0f, 10f, 20f], prepared.Features.Data.ToArray());
        Assert.Equal([7, 8, 9], prepared.NodeLabels.ToArray());
    }

    [Fact]
    public void A_single_atom_leaves_an_empty_graph()
    {
        Graph prepared = MoleculeGraphPreparation.Prepare(Graph.Create(1, [new Edge(0, 0)], FeatureMatrix.Create(1, 2, [1f, 2f])));

        Assert.Equal(0, prepared.NumNodes);
        Assert.Empty(prepared.Edges.ToArray());
    }

    [Fact]
    public void Isolated_atoms_in_the_middle_are_removed_and_the_rest_renumbered()
    {
        var graph = Graph.Create(4, [new Edge(0, 3)], FeatureMatrix.Create(4, 1, [1f, 2f, 3f, 4f]));

        Graph prepared = MoleculeGraphPreparation.Prepare(graph);

        Assert.Equal(2, prepared.NumNodes);
        Assert.Equal([new Edge(0, 1), new Edge(1, 0), new Edge(0, 0), new Edge(1, 1)], prepared.Edges.ToArray());
        Assert.Equal([1f, 4f], prepared.Features.Data.ToArray());
    }
}
