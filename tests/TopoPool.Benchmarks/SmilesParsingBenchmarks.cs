using BenchmarkDotNet.Attributes;
using TopoPool.Chemistry;
using TopoPool.Chemistry.Smiles;
using TopoPool.Chemistry.Tables;
using TopoPool.Testing;

namespace TopoPool.Benchmarks;

/// <summary>
/// Molecules per second for parse + aromaticity + the 39 TDC atom features, one core, over every SMILES of
/// Caco2_Wang (910 molecules per operation). Run: dotnet run -c Release --project tests/TopoPool.Benchmarks --
/// --filter '*SmilesParsing*'. Molecules/second = 910 / (mean time per operation).
/// </summary>
[MemoryDiagnoser]
public class SmilesParsingBenchmarks
{
    private const int Width = 39;

    private static readonly string[] Elements =
        ["C", "N", "O", "S", "F", "Si", "P", "Cl", "Br", "Mg", "Na", "Ca", "Fe", "Al", "I", "B", "K", "Se", "Zn", "H", "Cu", "Mn"];

    private string[] smiles = [];
    private float[] features = new float[Width * 1024];

    [GlobalSetup]
    public void Setup()
    {
        smiles = ReadCaco2();
    }

    [Benchmark]
    public int ParseOnly()
    {
        int atoms = 0;
        foreach (string s in smiles)
        {
            if (SmilesReader.TryParse(s, out var molecule, out _))
            {
                atoms += molecule.AtomCount;
            }
        }

        return atoms;
    }

    [Benchmark(Baseline = true)]
    public int ParseAndFeaturize()
    {
        int atoms = 0;
        foreach (string s in smiles)
        {
            if (!SmilesReader.TryParse(s, out var molecule, out _))
            {
                continue;
            }

            int n = molecule.AtomCount;
            if (features.Length < n * Width)
            {
                features = new float[n * Width * 2];
            }

            var atomList = molecule.Atoms;
            for (int i = 0; i < n; i++)
            {
                Featurize(atomList[i], features.AsSpan(i * Width, Width));
            }

            atoms += n;
        }

        return atoms;
    }

    /// <summary>The benchmark's 39 features (the generated TdcAtomFeatures does the same work).</summary>
    private static void Featurize(Atom atom, Span<float> row)
    {
        row.Clear();
        int element = ElementSlot(atom.Symbol);
        row[element] = 1;
        row[23 + Math.Min(atom.Degree, 5)] = 1;
        int charge = atom.FormalCharge switch { -1 => 0, -2 => 1, 1 => 2, 2 => 3, _ => 4 };
        row[29 + charge] = 1;
        row[34 + Math.Clamp(atom.ChiralTag, 0, 3)] = 1;
        row[38] = atom.IsAromatic ? 1 : 0;
    }

    private static int ElementSlot(string symbol)
    {
        for (int i = 0; i < Elements.Length; i++)
        {
            if (ReferenceEquals(Elements[i], symbol) || Elements[i] == symbol)
            {
                return i;
            }
        }

        return 22;
    }

    /// <summary>The SMILES of shared/data/tdc/caco2_wang.csv (or of the file TOPOPOOL_CACO2_CSV names).</summary>
    private static string[] ReadCaco2()
    {
        using var table = DelimitedTable.Open(SharedFolder.VariableOrPath("TOPOPOOL_CACO2_CSV", "data", "tdc", "caco2_wang.csv"));
        int drug = table.ColumnIndex("Drug");
        return table.Read().Where(r => r.IsValid).Select(r => r.Values[drug]).ToArray();
    }
}
