namespace TopoPool.Chemistry;

/// <summary>
/// One heavy atom (or kept hydrogen) of a <see cref="Molecule"/>, immutable. Hydrogens written as plain
/// <c>[H]</c> atoms are merged into their neighbour's <see cref="ExplicitHydrogens"/>, as RDKit does.
/// </summary>
public sealed class Atom
{
    internal Atom(
        int index,
        string symbol,
        int atomicNumber,
        int formalCharge,
        int isotope,
        int explicitHydrogens,
        int implicitHydrogens,
        bool isAromatic,
        int chiralTag,
        int degree,
        int atomClass,
        bool isInRing)
    {
        Index = index;
        Symbol = symbol;
        AtomicNumber = atomicNumber;
        FormalCharge = formalCharge;
        Isotope = isotope;
        ExplicitHydrogens = explicitHydrogens;
        ImplicitHydrogens = implicitHydrogens;
        IsAromatic = isAromatic;
        ChiralTag = chiralTag;
        Degree = degree;
        AtomClass = atomClass;
        IsInRing = isInRing;
    }

    /// <summary>Position of the atom in <see cref="Molecule.Atoms"/> (input order).</summary>
    public int Index { get; }

    /// <summary>Element symbol, capitalised ("C", "Cl", "Se"); "*" for a wildcard atom.</summary>
    public string Symbol { get; }

    /// <summary>Atomic number; 0 for a wildcard atom.</summary>
    public int AtomicNumber { get; }

    public int FormalCharge { get; }

    /// <summary>Mass number written in a bracket atom (a molfile's <c>M  ISO</c>, mass difference, D or T); 0 when none
    /// was written.</summary>
    public int Isotope { get; }

    /// <summary>
    /// Hydrogens written in a bracket atom (<c>[NH2]</c>) plus merged <c>[H]</c> neighbours. From a molfile: the
    /// hydrogens a valence field fixes, plus folded hydrogen atoms on atoms whose count RDKit keeps explicit (a fixed
    /// valence or a chiral tag); other folded hydrogen atoms come back as <see cref="ImplicitHydrogens"/>.
    /// </summary>
    public int ExplicitHydrogens { get; }

    /// <summary>Hydrogens implied by the default valence of an organic-subset atom (of any molfile atom without a
    /// valence field, the charge shifting the valence as RDKit does).</summary>
    public int ImplicitHydrogens { get; }

    public int TotalHydrogens => ExplicitHydrogens + ImplicitHydrogens;

    public bool IsAromatic { get; }

    /// <summary>
    /// 0 unspecified, 1 clockwise (<c>@@</c>), 2 counter-clockwise (<c>@</c>), 3 other (<c>@SP</c>, <c>@TB</c>,
    /// <c>@OH</c>). Read along <see cref="Molecule.NeighboursOf"/> (the input's neighbour order, ring closures where
    /// their digit stands) with a hydrogen counted last, as RDKit does: <c>N[C@@H](C)C</c> is 1, while
    /// <c>[C@@H](N)(C)C</c>, whose hydrogen is written first, is 2. Cleared, as RDKit clears it, on atoms that are not
    /// stereocentres (equivalent neighbours, sp2 atoms, inverting nitrogens, <c>@AL</c>). From a molfile the tag
    /// comes from 3D coordinates or 2D wedges, relative to the neighbours in bond-block order (hydrogen last).
    /// </summary>
    public int ChiralTag { get; }

    /// <summary>Number of explicit neighbours in the molecule graph (after hydrogen merging), as RDKit's GetDegree.</summary>
    public int Degree { get; }

    /// <summary>Atom class written as <c>[C:7]</c>; 0 when none.</summary>
    public int AtomClass { get; }

    public bool IsInRing { get; }

    public override string ToString() => $"{Symbol}{Index}";
}
