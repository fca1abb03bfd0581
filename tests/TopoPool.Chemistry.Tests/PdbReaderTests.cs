using TopoPool.Chemistry.Proteins;
using Xunit;

namespace TopoPool.Chemistry.Tests;

public class PdbReaderTests
{
    // The expected contact counts were counted independently (a brute-force pass over every C-alpha pair).
    [Theory]
    [InlineData("1crn.pdb", "1CRN", 46, 120, "A", "A:THR1", "A:ASN46")]
    [InlineData("1ubq.pdb", "1UBQ", 76, 185, "A", "A:MET1", "A:GLY76")]
    [InlineData("1bni.pdb", "1BNI", 324, 823, "ABC", "A:VAL3", "C:ARG110")]
    public void SharedEntriesGiveTheirResiduesAndContacts(string file, string identifier, int residues, int contacts, string chains, string first, string last)
    {
        PdbReadResult result = PdbReader.ReadFile(SharedData.RequireFile("data", "pdb", file));

        Assert.Empty(result.Errors);
        Protein protein = result.Protein;
        Assert.Equal(identifier, protein.Identifier);
        Assert.Equal(residues, protein.Residues.Count);
        Assert.Equal(contacts, protein.Edges.Length);
        Assert.Equal(chains, new string(protein.Chains.ToArray()));
        Assert.Equal(first, protein.Residues[0].Label);
        Assert.Equal(last, protein.Residues[^1].Label);
        Assert.All(protein.Residues, r => Assert.True(r.IsStandard, r.Label));
        Assert.Equal(Enumerable.Range(0, residues), protein.Residues.Select(r => r.Index));
    }

    [Fact]
    public void BarnaseHasThreeChainsOf108Residues()
    {
        Protein protein = PdbReader.ReadFile(SharedData.RequireFile("data", "pdb", "1bni.pdb")).Protein;
        Assert.Equal([108, 108, 108], protein.Residues.GroupBy(r => r.Chain).Select(g => g.Count()));
    }

    [Fact]
    public void ContactsAreExactlyThePairsCloserThanTheCutoff()
    {
        foreach (double cutoff in new[] { 4.0, 6.0, 8.5 })
        {
            Protein protein = PdbReader.ReadFile(SharedData.RequireFile("data", "pdb", "1ubq.pdb"), cutoff).Protein;
            var expected = new List<(int, int)>();
            for (int i = 0; i < protein.Residues.Count; i++)
            {
                for (int j = i + 1; j < protein.Residues.Count; j++)
                {
                    if (Math.Sqrt(protein.Residues[i].SquaredDistanceTo(protein.Residues[j])) < cutoff)
                    {
                        expected.Add((i, j));
                    }
                }
            }

            Assert.Equal(expected, protein.Edges.Select(e => (e.Source, e.Target)));
        }
    }

    [Fact]
    public void CrambinSecondaryStructureFollowsItsHelixAndSheetRecords()
    {
        // HELIX ILE7-PRO19 and GLU23-THR30; SHEET THR1-CYS4 and CYS32-ILE35.
        Protein protein = PdbReader.ReadFile(SharedData.RequireFile("data", "pdb", "1crn.pdb")).Protein;
        SecondaryStructure Of(int number) => protein.Residues.Single(r => r.Number == number).SecondaryStructure;

        Assert.Equal(SecondaryStructure.Sheet, Of(1));
        Assert.Equal(SecondaryStructure.Sheet, Of(4));
        Assert.Equal(SecondaryStructure.Coil, Of(5));
        Assert.Equal(SecondaryStructure.Helix, Of(7));
        Assert.Equal(SecondaryStructure.Helix, Of(19));
        Assert.Equal(SecondaryStructure.Coil, Of(20));
        Assert.Equal(SecondaryStructure.Helix, Of(23));
        Assert.Equal(SecondaryStructure.Helix, Of(30));
        Assert.Equal(SecondaryStructure.Sheet, Of(32));
        Assert.Equal(SecondaryStructure.Sheet, Of(35));
        Assert.Equal(SecondaryStructure.Coil, Of(46));
        Assert.Equal(13 + 8, protein.Residues.Count(r => r.SecondaryStructure == SecondaryStructure.Helix));
        Assert.Equal(4 + 4, protein.Residues.Count(r => r.SecondaryStructure == SecondaryStructure.Sheet));
    }

    [Fact]
    public void CrambinFirstAlphaCarbonIsReadFromItsColumns()
    {
        // ATOM      2  CA  THR A   1      16.967  12.784   4.338  1.00 13.79           C
        Residue first = PdbReader.ReadFile(SharedData.RequireFile("data", "pdb", "1crn.pdb")).Protein.Residues[0];
        Assert.Equal(("THR", 'A', 1, ' '), (first.Name, first.Chain, first.Number, first.InsertionCode));
        Assert.Equal((16.967, 12.784, 4.338), (first.X, first.Y, first.Z));
    }

    [Fact]
    public void WatersAndLigandsWithoutAlphaCarbonAreSkipped()
    {
        // 1UBQ has 58 HOH HETATM records; none becomes a residue.
        Protein protein = PdbReader.ReadFile(SharedData.RequireFile("data", "pdb", "1ubq.pdb")).Protein;
        Assert.DoesNotContain(protein.Residues, r => r.Name == "HOH");
    }

    [Fact]
    public void MalformedLinesAreReportedWithTheirNumbersAndTheRestIsRead()
    {
        string text = string.Join('\n',
            Atom(1, "N", "GLY", 'A', 1, ' ', 0, 0, 0),
            Atom(2, "CA", "GLY", 'A', 1, ' ', 1, 0, 0),
            "ATOM      3  CA  ALA A   2      abc     0.000   0.000  1.00  0.00           C",
            "ATOM      4  CA  ALA A   x       4.000   0.000   0.000  1.00  0.00           C",
            "ATOM      5  CA  ALA A   3       4.000",
            "HETATM    6  CA  ALA A   4       4.000   0.000   0.0z0  1.00  0.00           C",
            "ATOM      7  CA      A   5       4.000   0.000   0.000  1.00  0.00           C",
            "HELIX    1   1 GLY A    1  ALA A    X  1",
            "SHEET    1   A 2 GLY A   1  ALA B   2  0",
            Atom(8, "CA", "ALA", 'A', 6, ' ', 4.5, 0, 0),
            "END");

        PdbReadResult result = PdbReader.Parse(text);

        Assert.Equal(
            [
                new PdbError(3, "x coordinate 'abc' in columns 31-38 is not a number"),
                new PdbError(4, "residue number 'x' in columns 23-26 is not an integer"),
                new PdbError(5, "ATOM record has 38 characters; its coordinates need columns 31-54"),
                new PdbError(6, "z coordinate '0.0z0' in columns 47-54 is not a number"),
                new PdbError(7, "ATOM record has no residue name in columns 18-20"),
                new PdbError(8, "end residue number 'X' in columns 34-37 is not an integer"),
                new PdbError(9, "SHEET record starts in chain 'A' and ends in chain 'B'"),
            ],
            result.Errors);
        Assert.True(result.HasErrors);
        Assert.Equal(["A:GLY1", "A:ALA6"], result.Protein.Residues.Select(r => r.Label));
        Assert.Equal([(0, 1)], result.Protein.Edges.Select(e => (e.Source, e.Target)));
        Assert.Equal("line 3: x coordinate 'abc' in columns 31-38 is not a number", result.Errors[0].ToString());
    }

    [Fact]
    public void FirstAlternateLocationAndFirstResidueNameWin()
    {
        string text = string.Join('\n',
            Atom(1, "CA", "SER", 'A', 10, ' ', 1, 2, 3, altLoc: 'A'),
            Atom(2, "CA", "SER", 'A', 10, ' ', 9, 9, 9, altLoc: 'B'),
            Atom(3, "CA", "THR", 'A', 11, ' ', 4, 2, 3, altLoc: 'A'),
            Atom(4, "CA", "VAL", 'A', 11, ' ', 9, 9, 9, altLoc: 'B'));

        PdbReadResult result = PdbReader.Parse(text);

        Assert.Empty(result.Errors);
        Assert.Equal(["A:SER10", "A:THR11"], result.Protein.Residues.Select(r => r.Label));
        Assert.Equal((1.0, 2.0, 3.0), (result.Protein.Residues[0].X, result.Protein.Residues[0].Y, result.Protein.Residues[0].Z));
        Assert.Equal(4.0, result.Protein.Residues[1].X);
    }

    [Fact]
    public void InsertionCodesMakeSeparateResiduesAndBoundSecondaryStructure()
    {
        string text = string.Join('\n',
            "HELIX    1   1 ALA A   52A GLY A   53  1                                   2",
            Atom(1, "CA", "LYS", 'A', 52, ' ', 0, 0, 0),
            Atom(2, "CA", "ALA", 'A', 52, 'A', 3.8, 0, 0),
            Atom(3, "CA", "GLY", 'A', 53, ' ', 7.6, 0, 0),
            Atom(4, "CA", "GLY", 'A', 54, ' ', 11.4, 0, 0));

        Protein protein = PdbReader.Parse(text).Protein;

        Assert.Equal(["A:LYS52", "A:ALA52A", "A:GLY53", "A:GLY54"], protein.Residues.Select(r => r.Label));
        Assert.Equal('A', protein.Residues[1].InsertionCode);
        Assert.Equal(
            [SecondaryStructure.Coil, SecondaryStructure.Helix, SecondaryStructure.Helix, SecondaryStructure.Coil],
            protein.Residues.Select(r => r.SecondaryStructure));
    }

    [Fact]
    public void CalciumIonIsNotAnAlphaCarbonButModifiedResiduesAre()
    {
        string text = string.Join('\n',
            Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0),
            "HETATM    2 CA    CA A 101       1.000   0.000   0.000  1.00  0.00          CA",
            "HETATM    3  CA  MSE A   2       3.800   0.000   0.000  1.00  0.00           C",
            "HETATM    4  O   HOH A 201       2.000   0.000   0.000  1.00  0.00           O");

        Protein protein = PdbReader.Parse(text).Protein;

        Assert.Equal(["A:GLY1", "A:MSE2"], protein.Residues.Select(r => r.Label));
        Assert.False(protein.Residues[1].IsStandard);
    }

    [Fact]
    public void OnlyTheFirstModelIsRead()
    {
        string text = string.Join('\n',
            "MODEL        1",
            Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0),
            "ENDMDL",
            "MODEL        2",
            Atom(2, "CA", "GLY", 'A', 1, ' ', 5, 5, 5),
            Atom(3, "CA", "ALA", 'A', 2, ' ', 5, 5, 5),
            "ENDMDL");

        Protein protein = PdbReader.Parse(text).Protein;

        Assert.Equal(["A:GLY1"], protein.Residues.Select(r => r.Label));
        Assert.Equal(0.0, protein.Residues[0].X);
    }

    [Fact]
    public void EmptyInputGivesAnEmptyProtein()
    {
        PdbReadResult result = PdbReader.Parse("");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Protein.Residues);
        Assert.Empty(result.Protein.Edges);
    }

    [Fact]
    public void WindowsLineEndsAreRead()
    {
        string text = Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0) + "\r\n" + Atom(2, "CA", "ALA", 'A', 2, ' ', 3.8, 0, 0) + "\r\n";
        PdbReadResult result = PdbReader.Parse(text);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Protein.Residues.Count);
    }

    [Fact]
    public void MissingFileThrows() =>
        Assert.ThrowsAny<IOException>(() => PdbReader.ReadFile(Path.Combine(SharedData.Folder, "data", "pdb", "missing.pdb")));

    /// <summary>An ATOM record in the fixed columns of the PDB format.</summary>
    internal static string Atom(int serial, string name, string residue, char chain, int number, char insertion, double x, double y, double z, char altLoc = ' ') =>
        FormattableString.Invariant(
            $"ATOM  {serial,5} {(name.Length < 4 ? " " + name : name),-4}{altLoc}{residue,3} {chain}{number,4}{insertion}   {x,8:F3}{y,8:F3}{z,8:F3}  1.00  0.00           {name[0]}");
}
