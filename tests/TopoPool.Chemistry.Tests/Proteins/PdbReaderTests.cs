using FsCheck;
using FsCheck.Fluent;
using TopoPool.Chemistry.Proteins;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Chemistry.Tests.Proteins;

public class PdbReaderTests
{
    // The expected contact counts were counted independently (a brute-force pass over every C-alpha pair).
    [Theory]
    [InlineData("1crn.pdb", "1CRN", 46, 120, "A", "A:THR1", "A:ASN46")]
    [InlineData("1ubq.pdb", "1UBQ", 76, 185, "A", "A:MET1", "A:GLY76")]
    [InlineData("1bni.pdb", "1BNI", 324, 823, "ABC", "A:VAL3", "C:ARG110")]
    public void Shared_entries_give_their_residues_and_contacts(string file, string identifier, int residues, int contacts, string chains, string first, string last)
    {
        PdbReadResult result = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", file));

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
    public void Barnase_has_three_chains_of_108_residues()
    {
        Protein protein = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1bni.pdb")).Protein;
        Assert.Equal([108, 108, 108], protein.Residues.GroupBy(r => r.Chain).Select(g => g.Count()));
    }

    [Fact]
    public void Contacts_are_exactly_the_pairs_closer_than_the_cutoff()
    {
        foreach (double cutoff in new[] { 4.0, 6.0, 8.5 })
        {
            Protein protein = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1ubq.pdb"), cutoff).Protein;
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
    public void Crambin_secondary_structure_follows_its_helix_and_sheet_records()
    {
        // HELIX ILE7-PRO19 and GLU23-THR30; SHEET THR1-CYS4 and CYS32-ILE35.
        Protein protein = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein;
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
    public void Crambin_first_alpha_carbon_is_read_from_its_columns()
    {
        // ATOM      2  CA  THR A   1      16.967  12.784   4.338  1.00 13.79           C
        Residue first = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1crn.pdb")).Protein.Residues[0];
        Assert.Equal(("THR", 'A', 1, ' '), (first.Name, first.Chain, first.Number, first.InsertionCode));
        Assert.Equal((16.967, 12.784, 4.338), (first.X, first.Y, first.Z));
    }

    [Fact]
    public void Waters_and_ligands_without_alpha_carbon_are_skipped()
    {
        // 1UBQ has 58 HOH HETATM records; none becomes a residue.
        Protein protein = PdbReader.ReadFile(SharedFolder.Path("data", "pdb", "1ubq.pdb")).Protein;
        Assert.DoesNotContain(protein.Residues, r => r.Name == "HOH");
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_numbers_and_the_rest_is_read()
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
    public void First_alternate_location_and_first_residue_name_win()
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
    public void Insertion_codes_make_separate_residues_and_bound_secondary_structure()
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
    public void Calcium_ion_is_not_an_alpha_carbon_but_modified_residues_are()
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
    public void Only_the_first_model_is_read()
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
    public void Empty_input_gives_an_empty_protein()
    {
        PdbReadResult result = PdbReader.Parse("");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Protein.Residues);
        Assert.Empty(result.Protein.Edges);
    }

    [Fact]
    public void Windows_line_ends_are_read()
    {
        string text = Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0) + "\r\n" + Atom(2, "CA", "ALA", 'A', 2, ' ', 3.8, 0, 0) + "\r\n";
        PdbReadResult result = PdbReader.Parse(text);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Protein.Residues.Count);
    }

    [Fact]
    public void Non_finite_coordinates_are_reported_with_their_line_and_the_atom_is_skipped()
    {
        string text = string.Join('\n',
            Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0),
            AlphaCarbon(2, "ALA", 2, "NaN", "0.000", "0.000"),
            AlphaCarbon(3, "ALA", 3, "0.000", "Infinity", "0.000"),
            AlphaCarbon(4, "ALA", 4, "0.000", "0.000", "-inf"),
            AlphaCarbon(5, "ALA", 5, "nan", "0.000", "0.000"),
            AlphaCarbon(6, "ALA", 6, "3.800", "inf", "0.000"),
            AlphaCarbon(7, "ALA", 8, "3.800", "0.000", "-∞"),
            Atom(8, "CA", "SER", 'A', 7, ' ', 3.8, 0, 0));

        PdbReadResult result = PdbReader.Parse(text);

        Assert.Equal(
            [
                new PdbError(2, "x coordinate 'NaN' in columns 31-38 is not a finite number"),
                new PdbError(3, "y coordinate 'Infinity' in columns 39-46 is not a finite number"),
                new PdbError(4, "z coordinate '-inf' in columns 47-54 is not a finite number"),
                new PdbError(5, "x coordinate 'nan' in columns 31-38 is not a finite number"),
                new PdbError(6, "y coordinate 'inf' in columns 39-46 is not a finite number"),
                new PdbError(7, "z coordinate '-∞' in columns 47-54 is not a finite number"),
            ],
            result.Errors);
        Assert.Equal(["A:GLY1", "A:SER7"], result.Protein.Residues.Select(r => r.Label));
        Assert.Equal([(0, 1)], result.Protein.Edges.Select(e => (e.Source, e.Target)));
    }

    [Fact]
    public void Malformed_coordinate_fields_say_what_is_wrong_with_them()
    {
        string text = string.Join('\n',
            // x written with nine characters shifts y and z one column to the right.
            AlphaCarbon(1, "GLY", 1, "10000.000", "1.000", "2.000"),
            AlphaCarbon(2, "GLY", 2, "", "0.000", "0.000"),
            AlphaCarbon(3, "GLY", 3, "1.0e+03", "0.000", "0.000"),
            AlphaCarbon(4, "GLY", 4, "--1.00", "0.000", "0.000"),
            AlphaCarbon(5, "GLY", 5, "0.000", "0.000", "1,5"),
            Atom(6, "CA", "ALA", 'A', 6, ' ', 1, 2, 3));

        PdbReadResult result = PdbReader.Parse(text);

        Assert.Equal(
            [
                new PdbError(1, "y coordinate '0   1.00' in columns 39-46 is not a number (a value wider than its columns shifts the ones after it)"),
                new PdbError(2, "x coordinate '' in columns 31-38 is blank"),
                new PdbError(3, "x coordinate '1.0e+03' in columns 31-38 is not a number"),
                new PdbError(4, "x coordinate '--1.00' in columns 31-38 is not a number"),
                new PdbError(5, "z coordinate '1,5' in columns 47-54 is not a number"),
            ],
            result.Errors);
        Assert.Equal(["A:ALA6"], result.Protein.Residues.Select(r => r.Label));
    }

    [Fact]
    public void A_binary_file_gives_one_error_at_its_first_nul_character_and_nothing_after_it_is_read()
    {
        string text = string.Join('\n',
            Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0),
            "\u007fELF\u0002\u0001\u0001\0\0\0\0",
            Atom(3, "CA", "ALA", 'A', 2, ' ', 3.8, 0, 0));

        PdbReadResult result = PdbReader.Parse(text);

        PdbError error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("binary file", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["A:GLY1"], result.Protein.Residues.Select(r => r.Label));
    }

    [Fact]
    public void Past_a_thousand_bad_lines_the_rest_are_counted_in_one_error()
    {
        var lines = new List<string> { Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0) };
        for (int i = 0; i < 2_500; i++)
        {
            lines.Add(AlphaCarbon(i + 2, "ALA", (i % 9000) + 2, "NaN", "0.000", "0.000"));
        }

        lines.Add(Atom(2_502, "CA", "SER", 'A', 9_999, ' ', 3.8, 0, 0));
        PdbReadResult result = PdbReader.Parse(string.Join('\n', lines));

        Assert.Equal(1_001, result.Errors.Count);
        Assert.Equal(Enumerable.Range(2, 1_000), result.Errors.Take(1_000).Select(e => e.Line));
        Assert.Equal(new PdbError(1_002, "this and 1,499 more lines could not be read either (1,500 past the first 1,000, which are listed one by one)"), result.Errors[^1]);
        Assert.Equal(["A:GLY1", "A:SER9999"], result.Protein.Residues.Select(r => r.Label));
    }

    [Fact]
    public void An_endless_line_is_cut_and_the_lines_after_it_are_numbered_right()
    {
        string endless = Atom(2, "CA", "ALA", 'A', 2, ' ', 3.8, 0, 0) + new string('x', 3_000_000);
        string text = string.Join('\n', Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0), endless, "ATOM      3  CA  SER A   3       abc", Atom(4, "CA", "SER", 'A', 4, ' ', 7.6, 0, 0));

        PdbReadResult result = PdbReader.Parse(text);

        Assert.Equal([new PdbError(3, "ATOM record has 36 characters; its coordinates need columns 31-54")], result.Errors);
        Assert.Equal(["A:GLY1", "A:ALA2", "A:SER4"], result.Protein.Residues.Select(r => r.Label));
    }

    [Fact]
    public void Lines_end_at_line_feeds_carriage_returns_or_both()
    {
        string text = Atom(1, "CA", "GLY", 'A', 1, ' ', 0, 0, 0) + "\r" + Atom(2, "CA", "ALA", 'A', 2, ' ', 3.8, 0, 0) + "\r\n" +
                      "ATOM      3  CA  SER A   3         NaN   0.000   0.000  1.00  0.00           C\n" + Atom(4, "CA", "SER", 'A', 4, ' ', 7.6, 0, 0) + "\r";

        PdbReadResult result = PdbReader.Parse(text);

        Assert.Equal(3, Assert.Single(result.Errors).Line);
        Assert.Equal(["A:GLY1", "A:ALA2", "A:SER4"], result.Protein.Residues.Select(r => r.Label));
    }

    [Fact]
    public void Overlapping_helix_and_sheet_ranges_give_each_residue_the_first_record_holding_it()
    {
        // Ranges in file order: helix A1-A6, sheet A4-A9, helix A8-A12 (with an insertion code at A10A), sheet B2-B3,
        // a reversed sheet A20-A15 (holds nothing).
        var lines = new List<string>
        {
            "HELIX    1   1 GLY A    1  ALA A    6  1",
            "SHEET    1   A 2 ALA A   4  ALA A   9  0",
            "HELIX    2   2 ALA A    8  ALA A   12  1",
            "SHEET    2   B 2 ALA B   2  ALA B   3  0",
            "SHEET    3   C 2 ALA A  20  ALA A  15  0",
        };
        int serial = 1;
        foreach (int number in Enumerable.Range(1, 20).Reverse())
        {
            lines.Add(Atom(serial++, "CA", "ALA", 'A', number, ' ', number * 3.8, 0, 0));
        }

        lines.Add(Atom(serial++, "CA", "ALA", 'A', 10, 'A', 10 * 3.8, 3.8, 0));
        foreach (int number in Enumerable.Range(1, 4))
        {
            lines.Add(Atom(serial++, "CA", "GLY", 'B', number, ' ', number * 3.8, 50, 0));
        }

        Protein protein = PdbReader.Parse(string.Join('\n', lines)).Protein;
        string Of(char chain, int number, char insertion = ' ') =>
            protein.Residues.Single(r => r.Chain == chain && r.Number == number && r.InsertionCode == insertion).SecondaryStructure.ToString();

        Assert.Equal(
            ["Helix", "Helix", "Helix", "Helix", "Helix", "Helix", "Sheet", "Sheet", "Sheet", "Helix", "Helix", "Helix", "Coil", "Coil", "Coil"],
            Enumerable.Range(1, 15).Select(n => Of('A', n)));
        Assert.Equal("Helix", Of('A', 10, 'A'));
        Assert.Equal(["Coil", "Sheet", "Sheet", "Coil"], Enumerable.Range(1, 4).Select(n => Of('B', n)));
        Assert.All(Enumerable.Range(15, 6), n => Assert.Equal("Coil", Of('A', n)));
    }

    /// <summary>A residue (chain, number, insertion code) or a HELIX/SHEET range, for the secondary-structure property.</summary>
    public sealed record StructureCase(
        (char Chain, int Number, char Insertion)[] Residues,
        (bool Helix, char Chain, int From, char FromInsertion, int To, char ToInsertion)[] Ranges)
    {
        public override string ToString() =>
            $"residues {string.Join(" ", Residues.Select(r => $"{r.Chain}{r.Number}{r.Insertion}".TrimEnd()))}; ranges {string.Join(" ", Ranges.Select(r => $"{(r.Helix ? "H" : "S")}:{r.Chain}{r.From}{r.FromInsertion}-{r.To}{r.ToInsertion}".Replace(" ", "", StringComparison.Ordinal)))}";
    }

    private static Gen<StructureCase> StructureCases() =>
        from residues in Gen.ListOf(
            from chain in Gen.Elements('A', 'B')
            from number in Gen.Choose(-2, 25)
            from insertion in Gen.Frequency((5, Gen.Constant(' ')), (1, Gen.Elements('A', 'B')))
            select (chain, number, insertion))
        from ranges in Gen.ListOf(
            from helix in Gen.Elements(true, false)
            from chain in Gen.Elements('A', 'B')
            from from_ in Gen.Choose(-2, 25)
            from length in Gen.Choose(-3, 12)
            from fromInsertion in Gen.Frequency((5, Gen.Constant(' ')), (1, Gen.Constant('A')))
            from toInsertion in Gen.Frequency((5, Gen.Constant(' ')), (1, Gen.Constant('B')))
            select (helix, chain, from_, fromInsertion, from_ + length, toInsertion))
        select new StructureCase([.. residues.Distinct()], [.. ranges]);

    private static IEnumerable<StructureCase> ShrinkStructureCase(StructureCase c) =>
        Enumerable.Range(0, c.Ranges.Length).Select(i => c with { Ranges = [.. c.Ranges.Take(i), .. c.Ranges.Skip(i + 1)] })
            .Concat(Enumerable.Range(0, c.Residues.Length).Select(i => c with { Residues = [.. c.Residues.Take(i), .. c.Residues.Skip(i + 1)] }));

    /// <summary>Text with <paramref name="value"/> written from 1-based column <paramref name="column"/> on.</summary>
    private static void Put(char[] line, int column, string value) => value.CopyTo(0, line, column - 1, value.Length);

    private static string RangeRecord((bool Helix, char Chain, int From, char FromInsertion, int To, char ToInsertion) r)
    {
        var line = new string(' ', 40).ToCharArray();
        Put(line, 1, r.Helix ? "HELIX " : "SHEET ");
        var (chain, number, insertion, endChain, endNumber, endInsertion) = r.Helix ? (20, 22, 26, 32, 34, 38) : (22, 23, 27, 33, 34, 38);
        Put(line, chain, r.Chain.ToString());
        Put(line, number, FormattableString.Invariant($"{r.From,4}"));
        Put(line, insertion, r.FromInsertion.ToString());
        Put(line, endChain, r.Chain.ToString());
        Put(line, endNumber, FormattableString.Invariant($"{r.To,4}"));
        Put(line, endInsertion, r.ToInsertion.ToString());
        return new string(line);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Each_residue_takes_the_kind_of_the_first_helix_or_sheet_record_holding_it() =>
        Prop.ForAll(Arb.From(StructureCases(), ShrinkStructureCase), c =>
        {
            var lines = c.Ranges.Select(RangeRecord).ToList();
            lines.AddRange(c.Residues.Select((r, i) => Atom(i + 1, "CA", "ALA", r.Chain, r.Number, r.Insertion, i * 7.0, 0, 0)));
            PdbReadResult result = PdbReader.Parse(string.Join('\n', lines));

            // The definition, pair by pair: ranges in file order, by number and then insertion code within a chain.
            static int Compare(int number, char insertion, int otherNumber, char otherInsertion) =>
                number != otherNumber ? number.CompareTo(otherNumber) : insertion.CompareTo(otherInsertion);
            var expected = c.Residues.Select(r =>
            {
                foreach (var range in c.Ranges)
                {
                    if (range.Chain == r.Chain && Compare(r.Number, r.Insertion, range.From, range.FromInsertion) >= 0
                        && Compare(r.Number, r.Insertion, range.To, range.ToInsertion) <= 0)
                    {
                        return range.Helix ? SecondaryStructure.Helix : SecondaryStructure.Sheet;
                    }
                }

                return SecondaryStructure.Coil;
            });
            var actual = result.Protein.Residues.Select(r => r.SecondaryStructure).ToList();
            return (result.Errors.Count == 0 && actual.SequenceEqual(expected)).Label($"read {string.Join(",", actual)}; errors {string.Join("; ", result.Errors)}")
                .Classify(c.Ranges.Length > 1, "several ranges");
        });

    [Fact]
    public void A_file_of_more_residues_than_the_limit_is_refused_naming_the_limit()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i <= Protein.MaximumResidues; i++)
        {
            // Residues 7 Å apart on a cubic lattice of 50 × 50 × 41: no contacts, so only the count is too large.
            text.Append(Atom((i % 99_999) + 1, "CA", "GLY", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i / 5000], (i % 5000) + 1, ' ', (i % 50) * 7.0, (i / 50 % 50) * 7.0, i / 2500 * 7.0)).Append('\n');
        }

        string path = Path.Combine(Directory.CreateTempSubdirectory("topopool-pdb").FullName, "huge.pdb");
        File.WriteAllText(path, text.ToString());
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => PdbReader.ReadFile(path));
            Assert.Equal("huge.pdb: more than 100,000 residues with a C-alpha atom: residue graphs are limited to 100,000 residues, so that explaining and drawing one takes seconds and stays within a few gigabytes", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Copies_of_a_structure_overlaid_as_chains_are_refused_as_too_dense()
    {
        // Forty copies of a 30-residue chain at the same place: every residue has 39 copies of itself in contact.
        var lines = new List<string>();
        int serial = 1;
        for (int copy = 0; copy < 40; copy++)
        {
            for (int i = 0; i < 30; i++)
            {
                lines.Add(Atom(serial++, "CA", "ALA", (char)('A' + (copy % 26)), i + 1 + (copy / 26 * 100), ' ', i * 3.8, 0.01 * copy, 0));
            }
        }

        var error = Assert.Throws<InvalidDataException>(() => PdbReader.Parse(string.Join('\n', lines)));
        Assert.Equal(
            $"1,200 residues have more than {Protein.MaximumContacts(1200, 6):N0} C-alpha contacts closer than 6 Å: denser than C-alpha atoms can pack (one per 27 Å³ is the most read); are copies of the structure overlaid as chains or models?",
            error.Message);
    }

    [Fact]
    public void Missing_file_throws() =>
        Assert.ThrowsAny<IOException>(() => PdbReader.ReadFile(Path.Combine(SharedFolder.Folder, "data", "pdb", "missing.pdb")));

    /// <summary>A C-alpha ATOM record of chain A with its coordinate fields as written (right-aligned in 8 columns, wider ones as they are).</summary>
    private static string AlphaCarbon(int serial, string residue, int number, string x, string y, string z) =>
        FormattableString.Invariant($"ATOM  {serial,5}  CA  {residue,3} A{number,4}    {x,8}{y,8}{z,8}  1.00  0.00           C");

    /// <summary>An ATOM record in the fixed columns of the PDB format.</summary>
    internal static string Atom(int serial, string name, string residue, char chain, int number, char insertion, double x, double y, double z, char altLoc = ' ') =>
        FormattableString.Invariant(
            $"ATOM  {serial,5} {(name.Length < 4 ? " " + name : name),-4}{altLoc}{residue,3} {chain}{number,4}{insertion}   {x,8:F3}{y,8:F3}{z,8:F3}  1.00  0.00           {name[0]}");
}
