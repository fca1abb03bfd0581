using BenchmarkDotNet.Attributes;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Benchmarks;

/// <summary>
/// Rows per second of <see cref="DelimitedTable"/> (every field materialised) and of the CSV molecule source (SMILES
/// parsed too), one core, over 1,000,000 rows made from the shared TDC tables; "Damaged" puts one malformed row in every
/// 1,000 (half of them an unterminated quote, which makes the reader resume after it). Rows/second = 1,000,000 / mean.
/// Run: dotnet run -c Release --project tests/TopoPool.Benchmarks -- --filter '*TableReading*'. Peak memory is measured
/// by the one-shot scan instead (<see cref="TableScan"/>), as BenchmarkDotNet reports allocations, not the peak.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class TableReadingBenchmarks
{
    private const int Rows = 1_000_000;

    private string path = "";

    [Params(false, true)]
    public bool Damaged { get; set; }

    [GlobalSetup]
    public void Setup() => path = LargeSmilesTable.Write(Rows, Damaged);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    [Benchmark]
    public int DelimitedTableRows() => TableScan.CountRows(path).Valid;

    [Benchmark]
    public int MoleculeSourceRecords() => TableScan.CountMolecules(path).Valid;
}
