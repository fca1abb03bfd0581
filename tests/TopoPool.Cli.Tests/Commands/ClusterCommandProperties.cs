using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TopoPool.Cli.Commands;
using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using TopoPool.Core;
using TopoPool.Testing;

namespace TopoPool.Cli.Tests.Commands;

/// <summary>The cluster verb's JSON layer reads every generated batch back exactly and prints what the specification computes.</summary>
public class ClusterCommandProperties
{
    private static string ToJson(GraphCase c)
    {
        var json = new StringBuilder();
        json.Append("{\"num_nodes\": ").Append(c.NumNodes).Append(", \"num_graphs\": ").Append(c.NumGraphs);
        json.Append(", \"edges\": [").AppendJoin(", ", c.Edges.Select(e => $"[{e.Source}, {e.Target}]")).Append(']');
        json.Append(", \"scores\": [").AppendJoin(", ", c.Scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture))).Append(']');
        json.Append(", \"batch\": [").AppendJoin(", ", c.Batch).Append("]}");
        return json.ToString();
    }

    private static string Expected(Clustering k) =>
        "{\"peaks\":[" + string.Join(",", k.Peaks) + "],\"clusters\":["
        + string.Join(",", Enumerable.Range(0, k.NumClusters).Select(i => "[" + string.Join(",", k.Members(i)) + "]")) + "]}";

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Cluster_output_of_every_implementation_equals_the_specification() =>
        Prop.ForAll(GraphArbitraries.GraphCase(), c =>
        {
            var request = ClusterRequest.Parse(ToJson(c), "case");
            var expected = Expected(MaxRegionDescent.Select(c.NumNodes, c.Edges, c.Scores, c.Batch, c.NumGraphs));
            return SelectImplementations.Names.All(impl => ClusterCommand.Format(SelectImplementations.Run(impl, request)) == expected);
        });
}
