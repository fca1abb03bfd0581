namespace TopoPool.Generators;

/// <summary>Metadata names of the types the generator looks for, and the defaults of each featurizer kind.</summary>
internal static class WellKnownNames
{
    public const string FeaturizationNamespace = "TopoPool.Chemistry.Featurization";
    public const string AtomFeaturizerAttribute = FeaturizationNamespace + ".AtomFeaturizerAttribute";
    public const string ResidueFeaturizerAttribute = FeaturizationNamespace + ".ResidueFeaturizerAttribute";
    public const string OneHotAttribute = FeaturizationNamespace + ".OneHotAttribute";
    public const string FlagAttribute = FeaturizationNamespace + ".FlagAttribute";
    public const string ScalarAttribute = FeaturizationNamespace + ".ScalarAttribute";
    public const string FeatureSlot = FeaturizationNamespace + ".FeatureSlot";

    public const string DefaultAtom = "TopoPool.Chemistry.Atom";
    public const string DefaultMolecule = "TopoPool.Chemistry.Molecule";
    public const string DefaultResidue = "TopoPool.Chemistry.Proteins.Residue";
    public const string DefaultProtein = "TopoPool.Chemistry.Proteins.Protein";

    public const string FeatureMatrix = "TopoPool.Core.FeatureMatrix";
    public const string Graph = "TopoPool.Core.Graph";
}
