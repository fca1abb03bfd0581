namespace TopoPool.Generators.Model;

/// <summary>What a featurizer featurizes.</summary>
internal enum FeaturizerKind
{
    Atom,
    Residue,
}
