using System.Text.Json;
using TopoPool.Chemistry.Sdf;
using TopoPool.Chemistry.Tables;
using Xunit;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>
/// Small molfiles, one behaviour each (charges from the atom block and <c>M  CHG</c>, isotopes, hydrogen atoms that
/// fold and those that stay, radicals, valence fields, aromatic bond types, wedge conventions, 3D volumes, V3000
/// fields and continuations, E/Z from coordinates), compared with RDKit 2022.09.3's reading of the same record:
/// Data/sdf/rdkit_cases.sdf and .rdkit.jsonl, written by Data/sdf/make_rdkit_cases.py. A case RDKit cannot read must
/// be an error record here too.
/// </summary>
public sealed class RdkitMolfileCaseTests
{
    private static readonly Lazy<Dictionary<string, MoleculeRecord>> Records = new(ReadCases);
    private static readonly Lazy<Dictionary<string, JsonElement>> Readings = new(ReadReadings);

    public static IEnumerable<object[]> Cases => Readings.Value.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reads_as_RDKit_reads_it(string name)
    {
        var rdkit = Readings.Value[name];
        var record = Records.Value[name];
        if (!rdkit.GetProperty("ok").GetBoolean())
        {
            Assert.True(record.Molecule is null, $"{name}: RDKit rejects this record, the reader made a molecule of it");
            Assert.False(string.IsNullOrEmpty(record.Error));
            return;
        }

        Assert.True(record.Molecule is not null, $"{name}: {record.Error}");
        var atoms = record.Molecule!.Atoms;
        Assert.Equal(Strings(rdkit, "atoms"), atoms.Select(a => a.Symbol).ToList());
        Assert.Equal(Ints(rdkit, "charges"), atoms.Select(a => a.FormalCharge).ToList());
        Assert.Equal(Ints(rdkit, "isotopes"), atoms.Select(a => a.Isotope).ToList());
        Assert.Equal(Ints(rdkit, "hydrogens"), atoms.Select(a => a.TotalHydrogens).ToList());
        Assert.Equal(Ints(rdkit, "degrees"), atoms.Select(a => a.Degree).ToList());
        Assert.Equal(rdkit.GetProperty("aromatic").EnumerateArray().Select(v => v.GetBoolean()).ToList(), atoms.Select(a => a.IsAromatic).ToList());
        Assert.Equal(Ints(rdkit, "chiral_tags"), atoms.Select(a => a.ChiralTag).ToList());
        var bonds = rdkit.GetProperty("bonds").EnumerateArray().Select(b => (b[0].GetInt32(), b[1].GetInt32())).ToList();
        Assert.Equal(bonds, record.Molecule.Bonds.Select(b => (b.Begin, b.End)).ToList());
    }

    [Fact]
    public void Every_case_has_a_reading()
    {
        Assert.Equal(Readings.Value.Keys.Order(), Records.Value.Keys.Order());
        Assert.True(Readings.Value.Count >= 70);
    }

    private static List<string> Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToList();

    private static List<int> Ints(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToList();

    private static Dictionary<string, MoleculeRecord> ReadCases()
    {
        using var source = SdfMoleculeSource.Open(Path.Combine(AppContext.BaseDirectory, "Data", "sdf", "rdkit_cases.sdf"));
        int column = source.Columns.IndexOf("case");
        return source.Read().ToDictionary(r => r.Values[column]);
    }

    private static Dictionary<string, JsonElement> ReadReadings() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "sdf", "rdkit_cases.rdkit.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("case").GetString()!);
}
