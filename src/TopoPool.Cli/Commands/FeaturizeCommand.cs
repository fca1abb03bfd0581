using System.CommandLine;
using System.Text;
using System.Text.Json;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Smiles;
using TopoPool.Chemistry.Tables;
using TopoPool.Cli.Output;
using TopoPool.Training.OwnData;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool featurize (--smiles S | --input FILE) [--smiles-column COL] [--schema tdc]</c>: one JSON line per input
/// record, in input order — <c>{"smiles", "row", "line", "atoms", "features", "edges"}</c>, or
/// <c>{"smiles", "row", "line", "error"}</c> for a record it cannot read (a bad row of a table, a SMILES that does not
/// parse), which is also reported on standard error; it goes on with the next record. Exit code 3 when anything was
/// skipped, 2 when the input cannot be read at all or holds no record.
/// </summary>
public static class FeaturizeCommand
{
    public static Command Create()
    {
        var smiles = new Option<string?>("--smiles") { Description = "one SMILES string" };
        var input = MoleculeInputs.InputOption();
        var smilesColumn = MoleculeInputs.SmilesColumnOption();
        var schema = Arguments.CommandOptions.Choice("--schema", "atom feature schema", MoleculeFeaturizers.Names, MoleculeFeaturizers.Tdc);
        var command = new Command("featurize", "Turn molecules into atom features (--schema tdc or rich) and bond lists, one JSON line per molecule")
        {
            smiles, input, smilesColumn, schema,
        };
        command.SetAction(result =>
        {
            var featurizer = MoleculeFeaturizers.Named(result.GetValue(schema)!)!;
            var one = result.GetValue(smiles);
            var path = result.GetValue(input);
            if ((one is null) == (path is null)) throw new InputException("give exactly one of --smiles or --input");
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            if (one is not null)
            {
                bool read = SmilesReader.TryParse(SmilesFragments.Longest(one), out var molecule, out var error);
                output.WriteLine(JsonLine(featurizer, one, null, null, molecule, error?.Reason));
                output.Flush();
                if (!read) MoleculeInputs.ReportSkipped($"--smiles '{one}'", error!.Reason);
                return ExitCodes.Done(read ? 0 : 1);
            }

            using IMoleculeSource source = MoleculeInputs.Open(path!, result.GetValue(smilesColumn));
            int records = 0, skipped = 0;
            foreach (MoleculeRecord record in source.Read())
            {
                records++;
                output.WriteLine(JsonLine(featurizer, record.Smiles, record.Row, record.Line, record.Molecule, record.Error));
                if (!record.IsValid)
                {
                    skipped++;
                    output.Flush(); // keep the error line before its report when both streams go to one terminal
                    MoleculeInputs.ReportSkipped($"{source.Source} line {record.Line} (record {record.Row})", record.Error);
                }
            }

            output.Flush();
            if (records == 0) throw MoleculeInputs.NoMolecules(source);
            return ExitCodes.Done(skipped);
        });
        return command;
    }

    /// <summary>The JSON line of one input: the molecule's atoms, features and bonds, or the error.</summary>
    private static string JsonLine(MoleculeFeaturizer featurizer, string? smiles, int? row, int? line, Molecule? molecule, string? error)
    {
        if (molecule is null) return JsonSerializer.Serialize(new FeaturizeJson(smiles, row, line, error ?? "no molecule", null, null, null), CliJson.Readable.FeaturizeJson);
        var features = featurizer.Featurize(molecule);
        var rows = Enumerable.Range(0, features.Rows).Select(features.RowArray).ToList();
        var edges = molecule.Bonds.Where(b => b.Begin != b.End)
            .SelectMany(b => new[] { new[] { b.Begin, b.End }, new[] { b.End, b.Begin } })
            .ToList();
        return JsonSerializer.Serialize(new FeaturizeJson(smiles, row, line, null, molecule.Atoms.Select(a => a.Symbol).ToList(), rows, edges), CliJson.Readable.FeaturizeJson);
    }
}
