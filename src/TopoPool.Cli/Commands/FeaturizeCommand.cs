using System.CommandLine;
using System.Text;
using System.Text.Json;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Smiles;
using TopoPool.Chemistry.Tables;
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
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    /// <summary>The JSON line of one input: the molecule's atoms, TDC features and bonds, or the error.</summary>
    private static string JsonLine(MoleculeFeaturizer featurizer, string? smiles, int? row, int? line, Molecule? molecule, string? error)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            if (smiles is null) json.WriteNull("smiles");
            else json.WriteString("smiles", smiles);
            if (row is int r) json.WriteNumber("row", r);
            if (line is int l) json.WriteNumber("line", l);
            if (molecule is null) json.WriteString("error", error ?? "no molecule");
            else WriteMolecule(json, molecule, featurizer);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMolecule(Utf8JsonWriter json, Molecule molecule, MoleculeFeaturizer featurizer)
    {
        json.WriteStartArray("atoms");
        foreach (var atom in molecule.Atoms) json.WriteStringValue(atom.Symbol);
        json.WriteEndArray();

        var features = featurizer.Featurize(molecule).Data;
        int width = featurizer.Width;
        json.WriteStartArray("features");
        for (int a = 0; a < molecule.Atoms.Count; a++)
        {
            json.WriteStartArray();
            for (int j = 0; j < width; j++) json.WriteNumberValue(features[a * width + j]);
            json.WriteEndArray();
        }
        json.WriteEndArray();

        json.WriteStartArray("edges");
        foreach (var bond in molecule.Bonds)
        {
            if (bond.Begin == bond.End) continue;
            foreach (var (i, j) in new[] { (bond.Begin, bond.End), (bond.End, bond.Begin) })
            {
                json.WriteStartArray();
                json.WriteNumberValue(i);
                json.WriteNumberValue(j);
                json.WriteEndArray();
            }
        }
        json.WriteEndArray();
    }
}
