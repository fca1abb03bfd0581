namespace TopoPool.Depiction;

/// <summary>How the nodes of a <see cref="ClusterPicture"/> are drawn.</summary>
public enum PictureKind
{
    /// <summary>A skeletal formula: bare vertices for nodes with hidden labels, every other label written at its node.</summary>
    Molecule,

    /// <summary>A residue graph: every node a dot, labels written beside their dots where they fit without overlapping.</summary>
    ResidueGraph,
}
