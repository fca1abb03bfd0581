using System.CommandLine;
using TopoPool.Torch.Reproducibility;
using TopoPool.Cli;
using TopoPool.Cli.Commands;

NumericReproducibility.Pin();
var root = new RootCommand("topopool: TopoPool adaptive graph pooling — cluster, featurize, train, benchmark, explain")
{
    ClusterCommand.Create(),
    FeaturizeCommand.Create(),
    TrainCommand.Create(),
    PredictCommand.Create(),
    EmbedCommand.Create(),
    BenchmarkCommand.Create(),
    ExplainCommand.Create(),
    BenchCommand.Create(),
};
return CommandRunner.Run(root, args);
