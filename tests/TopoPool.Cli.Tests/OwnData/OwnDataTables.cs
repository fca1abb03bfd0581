using System.Globalization;
using TopoPool.Testing;

namespace TopoPool.Cli.Tests.OwnData;

/// <summary>
/// Small own-data tables made from ../shared/data's Caco2 table, in a scratch folder: <c>reg.csv</c> (two regression
/// targets, the second missing on every fifth row), <c>cls.csv</c> (a text label), <c>lib.csv</c> (molecules to score, an
/// unreadable SMILES and a single atom among them), and a model trained once on <c>reg.csv</c> (two seeds).
/// </summary>
public sealed class OwnDataTables : IDisposable
{
    public OwnDataTables()
    {
        Folder = Directory.CreateTempSubdirectory("topopool-own").FullName;
        var rows = CsvText.Parse(File.ReadAllText(SharedFolder.Path("data/tdc/caco2_wang.csv"))).Rows;
        Regression = Write("reg.csv", ["Drug_ID,Drug,Y,Y2", .. rows.Take(150).Select((r, i) => $"{Quote(r[0])},{r[1]},{r[2]},{(i % 5 == 4 ? "" : Shifted(r[2]))}")]);
        Classification = Write("cls.csv", ["smiles,label", .. rows.Take(150).Select(r => $"{r[1]},{(double.Parse(r[2], CultureInfo.InvariantCulture) > -5.5 ? "high" : "low")}")]);
        var library = rows.Skip(700).Take(40).Select(r => $"{Quote(r[0])},{r[1]}").ToList();
        library.Insert(10, "broken,C1CC(");
        library.Insert(20, "methane,C");
        Library = Write("lib.csv", ["name,smiles", .. library]);
        LibraryRecords = library.Count;
        Model = Path.Combine(Folder, "model");
        var train = CliProcess.Run(null, "train", "--data", Regression, "--targets", "Y,Y2", "--epochs", "3", "--seeds", "1-2", "--out", Model);
        if (train.ExitCode != 0) throw new InvalidOperationException($"training the shared model failed ({train.ExitCode}): {train.StandardError}");
    }

    public string Folder { get; }
    public string Regression { get; }
    public string Classification { get; }
    public string Library { get; }
    public int LibraryRecords { get; }
    public string Model { get; }

    public string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public string NewFolder(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string Shifted(string y) => (2 * double.Parse(y, CultureInfo.InvariantCulture) + 1).ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field) => field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
