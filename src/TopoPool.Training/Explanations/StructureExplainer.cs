using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Training.Data;
using TopoPool.Training.OwnData;
using static TorchSharp.torch;

namespace TopoPool.Training.Explanations;

/// <summary>
/// One call from SMILES (or a protein) to the clusters a model found, with atoms, peaks and weights:
/// <code>using var explainer = StructureExplainer.Untrained(CPU);
/// var explanation = explainer.ExplainSmiles("CC(=O)Oc1ccccc1C(=O)O");</code>
/// Molecules are prepared as for training (longest fragment, TDC atom features, self-loops); proteins become residue
/// graphs with <see cref="ResidueFeatures"/>.
/// </summary>
public sealed class StructureExplainer : IDisposable
{
    private readonly GraphExplainer graphs;
    private readonly TrainedModel? trained;
    private readonly MoleculePredictor? predictor;

    private StructureExplainer(GraphExplainer graphs, TrainedModel? trained = null)
    {
        this.graphs = graphs;
        this.trained = trained;
        predictor = trained is null ? null : new MoleculePredictor(trained);
    }

    public string Model => graphs.Description;

    /// <summary>
    /// A trained model: a model folder written by <c>topopool train --data</c> (its <c>model.json</c>; then each
    /// molecule's explanation carries the ensemble's prediction and the clusters are those of the folder's first seed),
    /// or a benchmark run folder written by <c>topopool train --dataset</c> (a <c>seedN.weights</c> file or its folder).
    /// </summary>
    public static StructureExplainer Load(string path, Device device)
    {
        if (!TrainedModel.IsModel(path)) return new(GraphExplainer.Load(path, device));
        var trained = TrainedModel.Load(path, device);
        try
        {
            if (!trained.Pipeline.Stages.Any(s => s.IsPool))
                throw new OwnDataException($"{trained.Folder}: the model has no pooling layer, so it has no clusters to show");
            return new(GraphExplainer.From(trained.Members[0].Model, $"{trained.Folder} (seed {trained.Members[0].Seed})"), trained);
        }
        catch
        {
            trained.Dispose();
            throw;
        }
    }

    /// <summary>A seeded, untrained GCN + TopoPool model that shows the mechanics: for molecules (39 TDC features) by default.</summary>
    public static StructureExplainer Untrained(Device device, int inputWidth = TdcAtomFeatures.Width, long seed = 1) =>
        new(GraphExplainer.Untrained(inputWidth, device, seed));

    public static StructureExplainer For(TopoPool.Torch.Models.PipelineModel model) => new(GraphExplainer.From(model));

    /// <summary>The clusters of a molecule; throws <see cref="SmilesException"/> for SMILES it cannot read.</summary>
    public StructureExplanation ExplainSmiles(string smiles) => ExplainMolecule(SmilesReader.Parse(SmilesFragments.Longest(smiles)), smiles);

    /// <summary>
    /// The clusters of a molecule already read (from any input format), named <paramref name="input"/> in the result;
    /// throws <see cref="ArgumentException"/> for a single atom or atoms without bonds, which have nothing to pool.
    /// </summary>
    public StructureExplanation ExplainMolecule(Molecule molecule, string input)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        if (molecule.Atoms.Count < 2) throw new ArgumentException($"{input}: a single atom has no substructure to pool");
        var graph = trained is null ? MoleculeGraphPreparation.Prepare(molecule) : trained.Featurizer.Prepare(molecule);
        if (graph.NumNodes != molecule.Atoms.Count) throw new ArgumentException($"{input}: the molecule has atoms without bonds");
        return new StructureExplanation(input, "molecule", molecule.Atoms.Select(a => a.Symbol).ToList(), graphs.Explain(graph), Molecule: molecule,
            Prediction: Predict(graph));
    }

    /// <summary>The model's prediction for one prepared graph by output column (<see cref="MoleculePredictor.Columns"/>), or
    /// null for a model without targets of its own (benchmark runs, the untrained model).</summary>
    private IReadOnlyDictionary<string, double>? Predict(Core.Graph graph)
    {
        if (predictor is null || trained is null) return null;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var batch = TopoPool.Torch.Models.GraphBatch.From([graph], trained.Members[0].Device);
        var row = predictor.Predict(batch)[0];
        return predictor.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => row[x.i]);
    }

    /// <summary>The clusters of a protein's residue graph (nodes labelled like <c>A:THR1</c>).</summary>
    public StructureExplanation ExplainProtein(Protein protein, string input)
    {
        if (graphs.InputWidth != ResidueFeatures.Width)
            throw new ArgumentException($"{input}: the model reads {graphs.InputWidth} features per node, residue graphs have {ResidueFeatures.Width}");
        var graph = ResidueFeatures.ToGraph(protein);
        return new StructureExplanation(input, "protein", protein.Residues.Select(r => r.Label).ToList(), graphs.Explain(graph), Protein: protein);
    }

    public void Dispose()
    {
        graphs.Dispose();
        trained?.Dispose();
    }
}
