namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// One residue of a <see cref="Protein"/>, a node of its residue graph: where it is (chain, number, insertion
/// code, C-alpha position), what it is (name, secondary structure) and the side-chain properties that the
/// residue features read (0 / false for residues that are not one of the 20 standard amino acids).
/// </summary>
public sealed class Residue
{
    private readonly AminoAcid? aminoAcid;

    /// <param name="index">Position in <see cref="Protein.Residues"/>.</param>
    /// <param name="name">Three-letter residue name as written in the file ("ALA", "MSE").</param>
    /// <param name="chain">Chain identifier (' ' when the file gives none).</param>
    /// <param name="number">Residue sequence number.</param>
    /// <param name="insertionCode">Insertion code (' ' when none).</param>
    /// <param name="secondaryStructure">Helix, sheet or coil.</param>
    /// <param name="x">C-alpha x, in ångström.</param>
    /// <param name="y">C-alpha y.</param>
    /// <param name="z">C-alpha z.</param>
    public Residue(int index, string name, char chain, int number, char insertionCode, SecondaryStructure secondaryStructure, double x, double y, double z)
    {
        ArgumentNullException.ThrowIfNull(name);
        Index = index;
        Name = name;
        Chain = chain;
        Number = number;
        InsertionCode = insertionCode;
        SecondaryStructure = secondaryStructure;
        X = x;
        Y = y;
        Z = z;
        aminoAcid = AminoAcid.Find(name);
    }

    public int Index { get; }

    public string Name { get; }

    public char Chain { get; }

    public int Number { get; }

    public char InsertionCode { get; }

    public SecondaryStructure SecondaryStructure { get; }

    public double X { get; }

    public double Y { get; }

    public double Z { get; }

    /// <summary>Whether the residue is one of the 20 standard amino acids.</summary>
    public bool IsStandard => aminoAcid is not null;

    /// <summary>Kyte–Doolittle hydropathy (see <see cref="AminoAcid.Hydrophobicity"/>); 0 for other residues.</summary>
    public double Hydrophobicity => aminoAcid?.Hydrophobicity ?? 0;

    /// <summary>Side-chain charge at pH 7 (see <see cref="AminoAcid.ChargeAtPh7"/>); 0 for other residues.</summary>
    public double ChargeAtPh7 => aminoAcid?.ChargeAtPh7 ?? 0;

    /// <summary>Whether the side chain is polar (see <see cref="AminoAcid.IsPolar"/>); false for other residues.</summary>
    public bool IsPolar => aminoAcid?.IsPolar ?? false;

    /// <summary>A label for explanations: chain, name, number and insertion code, as "A:THR1" or "B:GLY52A".</summary>
    public string Label => $"{Chain}:{Name}{Number}{(InsertionCode == ' ' ? "" : InsertionCode.ToString())}".TrimStart(' ');

    /// <summary>The squared distance between the C-alpha atoms of two residues.</summary>
    public double SquaredDistanceTo(Residue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return (dx * dx) + (dy * dy) + (dz * dz);
    }

    public override string ToString() => Label;
}
