using TopoPool.Chemistry.Tables;
using TopoPool.Torch.Models;

namespace TopoPool.Training.OwnData;

/// <summary>
/// Predicts a stream of molecules with every member of a <see cref="TrainedModel"/>'s ensemble. Each record's values are
/// laid out as <see cref="Columns"/>: per regression target the ensemble mean and its standard deviation over the members
/// (population, 0 for one member), in the target's own units; per classification target the mean probability of each
/// class.
/// </summary>
public sealed class MoleculePredictor(TrainedModel model, int batchSize = MoleculePredictor.DefaultBatchSize)
{
    public const int DefaultBatchSize = 256;

    public IReadOnlyList<string> Columns { get; } = model.Targets.SelectMany(t => t.OutputColumns).ToList();

    public IEnumerable<RecordOutput> Predict(IEnumerable<MoleculeRecord> records) =>
        MoleculeBatchEvaluation.Run(records, model.Featurizer, batchSize, model.Members[0].Device, Predict);

    /// <summary>One row of <see cref="Columns"/> per graph of <paramref name="batch"/> (prepared with the model's featurizer,
    /// on the model's device; call under <c>no_grad</c>).</summary>
    public List<double[]> Predict(GraphBatch batch)
    {
        var perMember = model.Members.Select(m => OwnDataOutputs.Decode(m.Model.call(batch).Prediction, model.Targets, m.Scaling)).ToList();
        var rows = new List<double[]>(batch.NumGraphs);
        for (int g = 0; g < batch.NumGraphs; g++) rows.Add(Combine(perMember, g));
        return rows;
    }

    private double[] Combine(List<List<double[]>> perMember, int graph)
    {
        var values = new double[Columns.Count];
        int column = 0;
        foreach (var target in model.Targets)
        {
            if (target.IsClassification)
            {
                for (int k = 0; k < target.Width; k++)
                    values[column++] = perMember.Average(m => m[graph][target.Offset + k]);
            }
            else
            {
                double mean = perMember.Average(m => m[graph][target.Offset]);
                double variance = perMember.Average(m => (m[graph][target.Offset] - mean) * (m[graph][target.Offset] - mean));
                values[column++] = mean;
                values[column++] = Math.Sqrt(variance);
            }
        }
        return values;
    }
}
