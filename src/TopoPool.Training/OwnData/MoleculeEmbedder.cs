using TopoPool.Chemistry.Tables;

namespace TopoPool.Training.OwnData;

/// <summary>Each molecule's graph embedding under one ensemble member: the vector its head reads (the readout), columns
/// <c>e0</c>… <c>e{d−1}</c>.</summary>
public sealed class MoleculeEmbedder(TrainedModel model, int seed, int batchSize = MoleculePredictor.DefaultBatchSize)
{
    private readonly EnsembleMember member = model.Member(seed);

    public IReadOnlyList<string> Columns { get; } = Enumerable.Range(0, model.EmbeddingWidth).Select(i => $"e{i}").ToList();

    public IEnumerable<RecordOutput> Embed(IEnumerable<MoleculeRecord> records) =>
        MoleculeBatchEvaluation.Run(records, model.Featurizer, batchSize, member.Device, batch =>
        {
            var embedding = member.Model.call(batch).Embedding ?? throw new InvalidOperationException("the model gave no embedding");
            return OwnDataOutputs.Rows(embedding, model.EmbeddingWidth).Select(r => r.Select(v => (double)v).ToArray()).ToList();
        });
}
