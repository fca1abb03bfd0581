using System.Diagnostics;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Benchmarks;

/// <summary>
/// One pass over a large table, for measuring peak memory from outside (<c>/usr/bin/time -v</c>):
/// <c>dotnet tests/TopoPool.Benchmarks/bin/Release/net10.0/TopoPool.Benchmarks.dll table-scan rows|molecules N [damaged]</c>
/// writes N rows (<see cref="LargeSmilesTable"/>), reads them once and prints rows per second and this process's peak
/// resident memory.
/// </summary>
public static class TableScan
{
    public static (int Valid, int Malformed) CountRows(string path)
    {
        using var table = DelimitedTable.Open(path);
        int valid = 0, malformed = 0;
        foreach (TableRecord record in table.Read())
        {
            if (record.IsValid) valid++;
            else malformed++;
        }

        return (valid, malformed);
    }

    public static (int Valid, int Malformed) CountMolecules(string path)
    {
        using IMoleculeSource source = MoleculeSources.Open(path);
        int valid = 0, malformed = 0;
        foreach (MoleculeRecord record in source.Read())
        {
            if (record.IsValid) valid++;
            else malformed++;
        }

        return (valid, malformed);
    }

    public static int Run(string[] args)
    {
        string what = args.Length > 1 ? args[1] : "rows";
        int rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        bool damaged = args.Length > 3 && args[3] == "damaged";
        string path = LargeSmilesTable.Write(rows, damaged);
        try
        {
            var clock = Stopwatch.StartNew();
            var (valid, malformed) = what == "molecules" ? CountMolecules(path) : CountRows(path);
            clock.Stop();
            Console.WriteLine(
                $"{what}: {rows:N0} rows ({valid:N0} read, {malformed:N0} reported) in {clock.Elapsed.TotalSeconds:F2} s = {rows / clock.Elapsed.TotalSeconds:N0} rows/s; " +
                $"file {new FileInfo(path).Length / 1e6:F1} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
