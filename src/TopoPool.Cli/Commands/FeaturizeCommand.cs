using System.CommandLine;
using System.Text;
using System.Text.Json;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Featurization;
using TopoPool.Chemistry.Smiles;

namespace TopoPool.Cli.Commands;

/// <summary>
/// <c>topopool featurize (--smiles S | --input FILE) [--schema tdc]</c>: one JSON line per input molecule, in input
/// order — <c>{"smiles", "atoms", "features", "edges"}</c> or <c>{"smiles", "line"?, "error"}</c> — and it goes on
/// after a line it cannot read.
/// </summary>
public static class FeaturizeCommand
{
    public static Command Create()
    {
        var smiles = new Option<string?>("--smiles") { Description = "one SMILES string" };
        var input = new Option<FileInfo?>("--input") { Description = "a file: one SMILES per line, or a CSV/TSV with a Drug or smiles column" };
        var schema = new Option<string>("--schema") { Description = "feature schema", DefaultValueFactory = _ => "tdc" };
        schema.AcceptOnlyFromAmong("tdc");
        var command = new Command("featurize", "Turn SMILES into TDC atom features and bond lists, one JSON line per molecule") { smiles, input, schema };
        command.SetAction(result =>
        {
            var one = result.GetValue(smiles);
            var file = result.GetValue(input);
            if ((one is null) == (file is null)) throw new InputException("give exactly one of --smiles or --input");
            var molecules = one is not null ? [(one, (int?)null)] : SmilesInputs.Read(file!);
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            foreach (var (text, line) in molecules)
                output.WriteLine(FeaturizeLine(text, line));
            return 0;
        });
        return command;
    }

    /// <summary>The JSON line for one input SMILES (its longest fragment is featurized, as BENCHMARK.md says).</summary>
    public static string FeaturizeLine(string smiles, int? line)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("smiles", smiles);
            if (line is int l) json.WriteNumber("line", l);
            if (!SmilesReader.TryParse(SmilesFragments.Longest(smiles), out var molecule, out var error))
            {
                json.WriteString("error", error!.ToString());
            }
            else
            {
                WriteMolecule(json, molecule!);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMolecule(Utf8JsonWriter json, Molecule molecule)
    {
        json.WriteStartArray("atoms");
        foreach (var atom in molecule.Atoms) json.WriteStringValue(atom.Symbol);
        json.WriteEndArray();

        var features = TdcAtomFeatures.Featurize(molecule);
        int width = TdcAtomFeatures.Width;
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
