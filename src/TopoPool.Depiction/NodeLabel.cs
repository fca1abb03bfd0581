using TopoPool.Chemistry;
using TopoPool.Chemistry.Proteins;

namespace TopoPool.Depiction;

/// <summary>
/// What is written at one node of a picture: <see cref="Text"/> (an element symbol, or a residue's code and
/// number), the hydrogens drawn beside it, its charge as a superscript, and the <see cref="Name"/> the legend uses
/// for it ("O7", "A:THR1"). A <see cref="Hidden"/> label is not written at all: the node is a bare vertex where its
/// bonds meet, as the carbons of a skeletal formula are.
/// </summary>
public sealed record NodeLabel(string Text, string Name)
{
    /// <summary>Hydrogens written beside the text ("OH", "NH₂"); 0 writes none.</summary>
    public int Hydrogens { get; init; }

    /// <summary>Formal charge, written as a superscript ("N⁺", "O⁻", "Fe²⁺"); 0 writes none.</summary>
    public int Charge { get; init; }

    /// <summary>Mass number written as a superscript before the text ("¹³C"); 0 writes none.</summary>
    public int Isotope { get; init; }

    /// <summary>Whether nothing is written at the node (a carbon of a skeletal formula).</summary>
    public bool Hidden { get; init; }

    /// <summary>
    /// An atom as skeletal formulas (and RDKit, by default) write it: a carbon with at least one bond, no charge and
    /// no isotope is a bare vertex — terminal carbons (methyls) included; an isolated carbon ("CH₄"), a charged or
    /// an isotope-labelled one is written with its hydrogens. Every other element is written with its hydrogens
    /// and charge ("OH", "NH₂", "N⁺", "O⁻"). Named by symbol and index ("O7").
    /// </summary>
    public static NodeLabel ForAtom(Atom atom)
    {
        ArgumentNullException.ThrowIfNull(atom);
        bool bareCarbon = atom.Symbol == "C" && atom.Degree > 0 && atom.FormalCharge == 0 && atom.Isotope == 0;
        return new NodeLabel(atom.Symbol, $"{atom.Symbol}{atom.Index}")
        {
            Hydrogens = bareCarbon || atom.Symbol == "*" ? 0 : atom.TotalHydrogens,
            Charge = atom.FormalCharge,
            Isotope = atom.Isotope,
            Hidden = bareCarbon,
        };
    }

    /// <summary>A residue's three-letter code and number ("THR1"), named with its chain ("A:THR1").</summary>
    public static NodeLabel ForResidue(Residue residue)
    {
        ArgumentNullException.ThrowIfNull(residue);
        string insertion = residue.InsertionCode == ' ' ? "" : residue.InsertionCode.ToString();
        return new NodeLabel($"{residue.Name}{residue.Number}{insertion}", residue.Label);
    }
}
