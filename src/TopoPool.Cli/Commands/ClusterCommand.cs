using System.CommandLine;
using System.Text.Json;
using TopoPool.Cli.Output;
using TopoPool.Cli.Requests;
using TopoPool.Cli.Timing;
using TopoPool.Core;

namespace TopoPool.Cli.Commands;

/// <summary><c>topopool cluster [--input FILE] [--impl spec|torch]</c>: peaks and clusters of a scored batch, as JSON.</summary>
public static class ClusterCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = "JSON file {num_nodes, edges, scores, batch?}; standard input when omitted" };
        var impl = new Option<string>("--impl") { Description = "spec (the pure F# specification) or torch (the layer's Select on CPU)", DefaultValueFactory = _ => SelectImplementations.Default };
        impl.AcceptOnlyFromAmong(SelectImplementations.Names);
        var command = new Command("cluster", "Cluster a scored graph batch with TopoPool's Select and print {peaks, clusters} as JSON") { input, impl };
        command.SetAction(result =>
        {
            var file = result.GetValue(input);
            var (json, source) = InputFiles.ReadAllText(file);
            var request = ClusterRequest.Parse(json, source);
            if (request.Scores is null) throw new InputException($"{source}: missing \"scores\"");
            var clustering = SelectImplementations.Run(result.GetValue(impl)!, request);
            Console.Out.WriteLine(Format(clustering));
            return 0;
        });
        return command;
    }

    /// <summary><c>{"peaks": [...], "clusters": [[members...], ...]}</c>, clusters in (graph, peak) order, members ascending.</summary>
    public static string Format(Clustering clustering) => JsonSerializer.Serialize(
        new ClusterJson(clustering.Peaks, Enumerable.Range(0, clustering.NumClusters).Select(k => (IReadOnlyList<int>)clustering.Members(k)).ToList()),
        CliJson.Readable.ClusterJson);
}
