using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Proteins;
using TopoPool.Chemistry.Smiles;
using TopoPool.Training.Data;
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

    private StructureExplainer(GraphExplainer graphs) => this.graphs = graphs;

    public string Model => graphs.Description;

    /// <summary>A model trained with <c>topopool train --out</c>: a <c>seedN.weights</c> file or its folder.</summary>
    public static StructureExplainer Load(string path, Device device) => new(GraphExplainer.Load(path, device));

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
        var graph = MoleculeGraphPreparation.Prepare(molecule);
        if (graph.NumNodes != molecule.Atoms.Count) throw new ArgumentException($"{input}: the molecule has atoms without bonds");
        return new StructureExplanation(input, "molecule", molecule.Atoms.Select(a => a.Symbol).ToList(), graphs.Explain(graph), Molecule: molecule);
    }

    /// <summary>The clusters of a protein's residue graph (nodes labelled like <c>A:THR1</c>).</summary>
    public StructureExplanation ExplainProtein(Protein protein, string input)
    {
        if (graphs.InputWidth != ResidueFeatures.Width)
            throw new ArgumentException($"{input}: the model reads {graphs.InputWidth} features per node, residue graphs have {ResidueFeatures.Width}");
        var graph = ResidueFeatures.ToGraph(protein);
        return new StructureExplanation(input, "protein", protein.Residues.Select(r => r.Label).ToList(), graphs.Explain(graph), Protein: protein);
    }

    public void Dispose() => graphs.Dispose();
}
