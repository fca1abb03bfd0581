using System.Collections.Immutable;
using TopoPool.Chemistry;

namespace TopoPool.Depiction;

/// <summary>
/// 2D coordinates for a molecule, for drawing: bonds one unit long, rings as regular polygons (fused rings edge
/// on edge, spiro rings touching at one atom; bridged systems closed by arcs), chains as 120° zig-zags,
/// substituents in the widest free sector of their atom, ring systems on chains placed whole with the attachment
/// bond pointing away, crowding relieved by swinging substituents, and fragments side by side. Deterministic:
/// the same graph always gets the same coordinates. Y points up (flip it to draw in screen coordinates).
/// </summary>
public static class MoleculeLayout
{
    /// <summary>The length of every bond in the layout.</summary>
    public const double BondLength = 1.0;

    /// <summary>One position per atom, in atom order.</summary>
    public static ImmutableArray<Point2D> Compute(MoleculeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.AtomCount == 0)
        {
            return [];
        }

        return [.. new MoleculeLayoutBuilder(graph).Run()];
    }

    /// <summary>
    /// One position per atom of <paramref name="molecule"/>, in atom order, with the substituents of its marked
    /// double bonds on the sides their E/Z marks say (<see cref="DoubleBondConfiguration"/>).
    /// </summary>
    public static ImmutableArray<Point2D> Compute(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var positions = Compute(MoleculeGraph.FromMolecule(molecule)).ToArray();
        DoubleBondConfiguration.Apply(molecule, positions);
        return [.. positions];
    }
}
