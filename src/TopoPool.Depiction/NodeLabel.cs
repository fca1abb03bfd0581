using TopoPool.Chemistry;
using TopoPool.Chemistry.Proteins;

namespace TopoPool.Depiction;

/// <summary>
/// What is written at one node of a picture: <see cref="Text"/> (an element symbol, or a residue's code and
/// number), the hydrogens drawn beside it, its charge as a superscript, and the <see cref="Name"/> the legend uses
/// for it ("O7", "A:THR1").
/// </summary>
public sealed record NodeLabel(string Text, string Name)
{
    /// <summary>Hydrogens written beside the text ("OH", "NH₂"); 0 writes none.</summary>
    public int Hydrogens { get; init; }

    /// <summary>Formal charge, written as a superscript ("N⁺", "O⁻", "Fe²⁺"); 0 writes none.</summary>
    public int Charge { get; init; }

    /// <summary>
    /// An atom's element symbol, charge and, on atoms other than carbon, its hydrogens (as chemists draw them:
    /// carbons' hydrogens are implied); named by symbol and index ("O7").
    /// </summary>
    public static NodeLabel ForAtom(Atom atom)
    {
        ArgumentNullException.ThrowIfNull(atom);
        return new NodeLabel(atom.Symbol, $"{atom.Symbol}{atom.Index}")
        {
            Hydrogens = atom.Symbol == "C" ? 0 : atom.TotalHydrogens,
            Charge = atom.FormalCharge,
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
