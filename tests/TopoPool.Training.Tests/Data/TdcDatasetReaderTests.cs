using TopoPool.Core.Pipelines;
using TopoPool.Core;
using TopoPool.Testing;
using TopoPool.Training.Data;
using Xunit;

namespace TopoPool.Training.Tests.Data;

/// <summary>The TDC reader on the shared tables and on small hand-written files with bad rows.</summary>
public class TdcDatasetReaderTests
{
    [Fact]
    public void Caco2_has_910_rows_and_906_distinct_molecules_after_averaging()
    {
        GraphDataset caco2 = TdcDatasetReader.Read(SharedFolder.Path("data", "tdc", "caco2_wang.csv"), "Caco2_Wang", DuplicateRows.MergeIntoOne);

        Assert.Equal(906, caco2.Count);
        Assert.Equal(910, caco2.Samples.Sum(s => s.SourceRowCount));
        Assert.Equal(4, caco2.Samples.Count(s => s.SourceRowCount > 1));
        Assert.Equal(TaskKind.Regression, caco2.Task);
        Assert.Equal(EvaluationMetric.MeanAbsoluteError, caco2.Metric);
        Assert.Equal(1, caco2.NumClasses);
        Assert.Equal(39, caco2.NodeFeatureWidth);
        Assert.InRange(caco2.Samples.Min(s => s.Target), -7.77, -7.75);
        Assert.InRange(caco2.Samples.Max(s => s.Target), -3.52, -3.50);
        Assert.InRange(caco2.TotalNodes / (double)caco2.Count, 25, 33); // BENCHMARK.md: 29.3 on average
        Assert.Single(caco2.Warnings); // only the note about the 4 merged rows
        Assert.Contains("4 rows repeat the SMILES of an earlier row", caco2.Warnings[0]);
    }

    [Fact]
    public void Quoted_ids_with_commas_are_read_whole()
    {
        GraphDataset caco2 = TdcDatasetReader.Read(SharedFolder.Path("data", "tdc", "caco2_wang.csv"));

        Assert.Contains(caco2.Samples, s => s.Id == "(2E,4Z,8Z)-N-isobutyldodeca-2,4,10-triene-8 -ynamide");
        Assert.Equal("(-)-epicatechin", caco2[0].Id);
        Assert.Equal(-6.2199998, caco2[0].Target, 12);
        Assert.Equal("Oc1cc(O)c2c(c1)OC(c1ccc(O)c(O)c1)C(O)C2", caco2[0].Smiles);
    }

    [Theory]
    [InlineData("caco2_wang", 728, 182, 181)]
    [InlineData("ppbr_az", 2231, 559, 343)]
    public void The_benchmark_group_has_the_fixed_test_split(string stem, int trainValidationRows, int testRows, int testDistinct)
    {
        BenchmarkDataset group = TdcDatasetReader.ReadBenchmarkGroup(SharedFolder.Path("data", "tdc", "admet_group_reconstructed", stem), duplicates: DuplicateRows.MergeIntoOne);

        Assert.Equal(SplitProtocol.FixedTestScaffoldValidation, group.Protocol);
        GraphDataset test = group.FixedTest!;
        Assert.Equal(testRows, test.Samples.Sum(s => s.SourceRowCount));
        Assert.Equal(testDistinct, test.Count);
        Assert.Equal(trainValidationRows, group.SplitGraphs.Samples.Sum(s => s.SourceRowCount));
        var testSmiles = test.Samples.Select(s => s.Smiles).ToHashSet();
        Assert.DoesNotContain(group.SplitGraphs.Samples, s => testSmiles.Contains(s.Smiles));
        Assert.All(group.SplitGraphs.Samples, s => Assert.NotNull(s.ScaffoldKey));
    }

    [Fact]
    public void Ppbr_full_table_has_2790_rows_and_1797_molecules()
    {
        GraphDataset ppbr = TdcDatasetReader.Read(SharedFolder.Path("data", "tdc", "ppbr_az.csv"), duplicates: DuplicateRows.MergeIntoOne);

        Assert.Equal(2790, ppbr.Samples.Sum(s => s.SourceRowCount));
        Assert.Equal(1797, ppbr.Count);
    }

    [Fact]
    public void Test_targets_are_means_of_the_rows()
    {
        string path = SharedFolder.Path("data", "tdc", "admet_group_reconstructed/caco2_wang/test.csv");
        GraphDataset test = TdcDatasetReader.Read(path);

        // README: test set Y mean -5.328 over the 182 rows.
        double rowMean = test.Samples.Sum(s => s.Target * s.SourceRowCount) / test.Samples.Sum(s => s.SourceRowCount);
        Assert.Equal(-5.328, rowMean, 3);
    }

    [Fact]
    public void A_molecule_graph_has_both_bond_directions_and_one_self_loop_per_atom()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("ethanol.csv", "Drug_ID,Drug,Y\nethanol,CCO,1.5\n");

        GraphDataset data = TdcDatasetReader.Read(path);

        Graph g = Assert.Single(data.Samples).Graph;
        Assert.Equal(3, g.NumNodes);
        Assert.Equal(
            [new Edge(0, 1), new Edge(1, 0), new Edge(1, 2), new Edge(2, 1), new Edge(0, 0), new Edge(1, 1), new Edge(2, 2)],
            g.Edges.ToArray());
        Assert.Equal(39, g.Features.Columns);
        Assert.Equal(1f, g.Features[0, 0]); // C
        Assert.Equal(1f, g.Features[2, 2]); // O
        Assert.Equal("", data[0].ScaffoldKey); // acyclic
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_and_line_and_the_valid_rows_are_kept()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write(
            "mixed.csv",
            "Drug_ID,Drug,Y\n" +
            "good1,c1ccccc1O,1.0\n" +        // line 2
            "bad-smiles,C1CC(,2.0\n" +        // line 3: invalid SMILES
            "bad-y,CCN,abc\n" +               // line 4: non-numeric Y
            "\"quoted, id\",CCCl,3.0\n" +     // line 5: quoted id with a comma
            "salt,[Na+].[Cl-],4.0\n" +        // line 6: single atom after the longest-fragment rule
            "short,CCC\n" +                   // line 7: a field is missing
            "twice,CCO,5.0\n" +               // line 8
            "twice-again,CCO,7.0\n" +         // line 9: duplicate SMILES, averaged with line 8
            "fragments,CCO.CCCCCC(=O)O.C,8.0\n" + // line 10: the longest fragment is kept
            "methane,C,9.0\n");               // line 11: single atom

        GraphDataset data = TdcDatasetReader.Read(path, duplicates: DuplicateRows.MergeIntoOne);

        Assert.Equal(["good1", "quoted, id", "twice", "fragments"], data.Samples.Select(s => s.Id));
        Assert.Equal(6.0, data[2].Target, 12);
        Assert.Equal(2, data[2].SourceRowCount);
        Assert.Equal(8, data[3].Graph.NumNodes); // CCCCCC(=O)O
        string warnings = string.Join("\n", data.Warnings);
        Assert.Contains("mixed.csv line 3 (Drug_ID 'bad-smiles'): invalid SMILES 'C1CC(' at position ", warnings);
        Assert.Contains("mixed.csv line 4 (Drug_ID 'bad-y'): Y is not a number: 'abc'; row skipped", warnings);
        Assert.Contains("mixed.csv line 6 (Drug_ID 'salt'): '[Na+].[Cl-]' is a single atom after preparation; skipped", warnings);
        Assert.Contains("mixed.csv line 7: expected 3 fields as in the header, found 2; row skipped", warnings);
        Assert.Contains("mixed.csv line 11 (Drug_ID 'methane'): 'C' is a single atom after preparation; skipped", warnings);
        Assert.Contains("1 rows repeat the SMILES of an earlier row", warnings);
        Assert.Equal(6, data.Warnings.Count);
    }

    [Fact]
    public void An_invalid_smiles_warning_gives_the_position_and_reason()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("bad.csv", "Drug_ID,Drug,Y\nx,CC(C)(C)(C)(C)C1CC,1\ny,CCC,2\n");

        GraphDataset data = TdcDatasetReader.Read(path);

        Assert.Single(data.Samples);
        string warning = Assert.Single(data.Warnings);
        Assert.Matches(@"^bad\.csv line 2 \(Drug_ID 'x'\): invalid SMILES 'CC\(C\)\(C\)\(C\)\(C\)C1CC' at position \d+: .+; skipped$", warning);
    }

    [Fact]
    public void Tab_separated_files_and_other_column_orders_are_read()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("table.tab", "Y\tDrug\tDrug_ID\textra\n1.5\tCCO\tid, with comma\tz\n-2e-1\tc1ccncc1\tpyridine\tz\n");

        GraphDataset data = TdcDatasetReader.Read(path);

        Assert.Equal(["id, with comma", "pyridine"], data.Samples.Select(s => s.Id));
        Assert.Equal(-0.2, data[1].Target, 12);
        Assert.Equal("table", data.Name);
    }

    [Fact]
    public void Quoted_fields_may_hold_quotes_and_line_breaks()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("quotes.csv", "Drug_ID,Drug,Y\n\"say \"\"hi\"\"\",CCO,1\n\"two\nlines\",CCN,2\nlast,CCC,3\n");

        GraphDataset data = TdcDatasetReader.Read(path);

        Assert.Equal(["say \"hi\"", "two\nlines", "last"], data.Samples.Select(s => s.Id));
    }

    [Fact]
    public void An_unclosed_quote_costs_only_its_row_and_says_where_it_opened()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("open.csv", "Drug_ID,Drug,Y\na,CCO,1\n\"b,CCN,2\nc,CCC,3\n");

        GraphDataset data = TdcDatasetReader.Read(path);

        Assert.Equal(["a", "c"], data.Samples.Select(s => s.Id));
        Assert.Equal(["open.csv line 3: a quote opened at column 1 is never closed; row skipped"], data.Warnings);
    }

    [Fact]
    public void Every_skipped_row_is_named_and_every_good_row_after_a_bad_one_is_kept()
    {
        var text = new System.Text.StringBuilder("Drug_ID,Drug,Y\n");
        text.Append("open,\"CCO,1\n");                                 // line 2: a quote never closed
        for (int i = 0; i < 18; i++)
        {
            text.Append(i % 2 == 0 ? $"bad{i},C1{new string('C', i + 2)},{i}\n" : $"ok{i},{new string('C', i + 1)},{i}\n");
        }

        using var temp = new TemporaryFolder();
        GraphDataset data = TdcDatasetReader.Read(temp.Write("many.csv", text.ToString()));

        Assert.Equal(Enumerable.Range(0, 18).Where(i => i % 2 == 1).Select(i => $"ok{i}"), data.Samples.Select(s => s.Id));
        Assert.Equal(
            ["many.csv line 2: a quote opened at column 6 is never closed; row skipped", .. Enumerable.Range(0, 18).Where(i => i % 2 == 0).Select(i => $"many.csv line {i + 3} (Drug_ID 'bad{i}'): ")],
            data.Warnings.Select(w => w.StartsWith("many.csv line 2:") ? w : w[..(w.IndexOf("): ") + 3)]).Where(w => !w.Contains("repeat the SMILES")));
    }

    [Fact]
    public void A_bad_smiles_shared_by_several_rows_names_every_line()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("dup.csv", "Drug_ID,Drug,Y\na,C1CC,1\nb,CCO,2\nc,C1CC,3\nd,C1CC,4\n");

        GraphDataset data = TdcDatasetReader.Read(path, duplicates: DuplicateRows.MergeIntoOne);

        Assert.Contains(data.Warnings, w => w.StartsWith("dup.csv line 2 (Drug_ID 'a'): invalid SMILES 'C1CC'") && w.EndsWith("; skipped (3 rows: lines 2, 4, 5)"));
    }

    [Fact]
    public void A_header_that_cannot_be_read_names_the_file_and_line()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("header.csv", "\n\"Drug_ID,Drug,Y\nx,CCO,1\n");

        var error = Assert.Throws<DatasetFormatException>(() => TdcDatasetReader.Read(path));

        Assert.Equal("header.csv line 2: the header cannot be read: a quote opened at column 1 is never closed", error.Message);
    }

    [Theory]
    [InlineData("Drug_ID,Drug,Target\nx,CCO,1\n", "'Y'")]
    [InlineData("Drug_ID,Smiles,Y\nx,CCO,1\n", "'Drug'")]
    public void A_missing_column_names_the_file_and_header_line(string text, string column)
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("columns.csv", text);

        var error = Assert.Throws<DatasetFormatException>(() => TdcDatasetReader.Read(path));

        Assert.StartsWith($"columns.csv line 1: missing column {column}", error.Message);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void A_missing_id_column_is_a_warning_and_lines_name_the_molecules()
    {
        using var temp = new TemporaryFolder();
        string path = temp.Write("noid.csv", "Drug,Y\nCCO,1\nCCN,2\n");

        GraphDataset data = TdcDatasetReader.Read(path);

        Assert.Equal(["line 2", "line 3"], data.Samples.Select(s => s.Id));
        Assert.Contains("noid.csv line 1: no 'Drug_ID' column; molecules are named by their line", data.Warnings);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<DatasetFormatException>(() => TdcDatasetReader.Read("/nonexistent/folder/caco2_wang.csv"));
        Assert.StartsWith("caco2_wang.csv does not exist", error.Message);
    }

    [Fact]
    public void A_single_table_gets_a_derived_scaffold_test_split_with_a_note()
    {
        BenchmarkDataset data = TdcDatasetReader.ReadWithDerivedTest(SharedFolder.Path("data", "tdc", "caco2_wang.csv"), "Caco2_Wang", DuplicateRows.MergeIntoOne);

        Assert.Equal(906, data.SplitGraphs.Count + data.FixedTest!.Count);
        int testRows = data.FixedTest.Samples.Sum(s => s.SourceRowCount);
        Assert.InRange(testRows, 170, 200); // about 20% of 910
        var testScaffolds = data.FixedTest.Samples.Select(s => s.ScaffoldKey).ToHashSet();
        Assert.DoesNotContain(data.SplitGraphs.Samples, s => testScaffolds.Contains(s.ScaffoldKey));
        Assert.Contains(data.Warnings, w => w.Contains("no benchmark-group test split"));
    }

    [Fact]
    public void Reading_is_fast()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TdcDatasetReader.Read(SharedFolder.Path("data", "tdc", "ppbr_az.csv"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"ppbr_az.csv took {clock.Elapsed}");
    }
}
