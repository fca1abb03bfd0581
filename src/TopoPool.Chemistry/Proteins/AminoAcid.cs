namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// One of the 20 standard amino acids and the side-chain properties the residue features read.
/// </summary>
/// <param name="Name">The three-letter PDB residue name ("ALA").</param>
/// <param name="Letter">The one-letter code ('A').</param>
/// <param name="Hydrophobicity">Kyte–Doolittle hydropathy index, from -4.5 (ARG) to 4.5 (ILE).</param>
/// <param name="ChargeAtPh7">Side-chain charge at pH 7: ASP and GLU -1, LYS and ARG +1, HIS +0.1 (side-chain
/// pKa about 6: one in ten protonated), all others 0.</param>
/// <param name="IsPolar">Polar side chain: the charged ASP GLU LYS ARG HIS and the uncharged polar SER THR CYS
/// ASN GLN TYR; GLY ALA VAL LEU ILE MET PHE TRP PRO are non-polar.</param>
public sealed record AminoAcid(string Name, char Letter, double Hydrophobicity, double ChargeAtPh7, bool IsPolar)
{
    /// <summary>The 20 standard amino acids in alphabetical order of their three-letter names.</summary>
    public static IReadOnlyList<AminoAcid> Standard { get; } = Array.AsReadOnly(new AminoAcid[]
    {
        new("ALA", 'A', 1.8, 0, false),
        new("ARG", 'R', -4.5, 1, true),
        new("ASN", 'N', -3.5, 0, true),
        new("ASP", 'D', -3.5, -1, true),
        new("CYS", 'C', 2.5, 0, true),
        new("GLN", 'Q', -3.5, 0, true),
        new("GLU", 'E', -3.5, -1, true),
        new("GLY", 'G', -0.4, 0, false),
        new("HIS", 'H', -3.2, 0.1, true),
        new("ILE", 'I', 4.5, 0, false),
        new("LEU", 'L', 3.8, 0, false),
        new("LYS", 'K', -3.9, 1, true),
        new("MET", 'M', 1.9, 0, false),
        new("PHE", 'F', 2.8, 0, false),
        new("PRO", 'P', -1.6, 0, false),
        new("SER", 'S', -0.8, 0, true),
        new("THR", 'T', -0.7, 0, true),
        new("TRP", 'W', -0.9, 0, false),
        new("TYR", 'Y', -1.3, 0, true),
        new("VAL", 'V', 4.2, 0, false),
    });

    private static readonly Dictionary<string, AminoAcid> ByName = Standard.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The standard amino acid with this three-letter name (upper case), or null.</summary>
    public static AminoAcid? Find(string name) => ByName.GetValueOrDefault(name);
}
