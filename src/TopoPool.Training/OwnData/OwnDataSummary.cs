using TopoPool.Core.Pipelines;
using TopoPool.Training.Experiments;
using TopoPool.Training.Statistics;

namespace TopoPool.Training.OwnData;

/// <summary>The outcome of an own-data run: the tables read, the run's identity and pipeline, every seed, and the model folder.</summary>
public sealed record OwnDataSummary(MoleculeTable Table, MoleculeTable? Test, RunSettings Settings, Pipeline Pipeline, IReadOnlyList<OwnDataSeed> Seeds, string Folder)
{
    /// <summary>Per target, the mean and population standard deviation over seeds of each test metric (as the benchmark
    /// reports its seeds; NaN where undefined).</summary>
    public IReadOnlyList<(string Target, string Metric, double Mean, double Std)> MeanMetrics()
    {
        var lines = new List<(string, string, double, double)>();
        foreach (var target in Table.Targets)
        {
            var per = Seeds.Select(s => s.Test.First(m => m.Name == target.Name)).ToList();
            IEnumerable<(string, Func<TargetMetrics, double>)> metrics = target.IsClassification
                ? [("accuracy", m => m.Accuracy), ("roc_auc", m => m.RocAuc), ("pr_auc", m => m.PrAuc)]
                : [("mae", m => m.Mae), ("rmse", m => m.Rmse), ("r2", m => m.R2)];
            foreach (var (name, pick) in metrics)
            {
                var values = per.Select(pick).ToList();
                lines.Add((target.Name, name, Spread.Mean(values), Spread.PopulationStd(values)));
            }
        }
        return lines;
    }
}
