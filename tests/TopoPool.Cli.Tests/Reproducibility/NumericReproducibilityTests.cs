using System.Text.Json;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.Reproducibility;

/// <summary>
/// Runs repeat to the last bit on any x86-64 machine with AVX2: two seeds of the paper's model on MUTAG, every epoch's
/// training and validation loss compared exactly with values committed from another machine
/// (<c>Reproducibility/mutag_gcn_topo_two_seeds.amd-epyc.json</c>: made on an AMD EPYC; a run on an Intel Xeon with
/// AVX-512 must give the same bits, which is what pinning libtorch's kernels is for).
/// </summary>
public class NumericReproducibilityTests
{
    private static readonly string Committed = Path.Combine(SharedFolder.RepositoryRoot, "tests", "TopoPool.Cli.Tests", "Reproducibility", "mutag_gcn_topo_two_seeds.amd-epyc.json");

    private static Dictionary<int, List<(double Train, double Validation)>> Train(IReadOnlyDictionary<string, string>? environment)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("topopool-repro").FullName, "run");
        var result = CliProcess.RunWith(null, environment, null,
            "train", "--dataset", "MUTAG", "--data-dir", SharedFolder.Path("data"), "--seeds", "1-2", "--epochs", "5", "--out", output);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return new[] { 1, 2 }.ToDictionary(seed => seed, seed =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, $"seed{seed}.result.json")));
            return json.RootElement.GetProperty("history").EnumerateArray()
                .Select(e => (e.GetProperty("train_loss").GetDouble(), e.GetProperty("validation_loss").GetDouble())).ToList();
        });
    }

    private static Dictionary<int, List<(double Train, double Validation)>> Expected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Committed));
        return json.RootElement.GetProperty("seeds").EnumerateObject().ToDictionary(s => int.Parse(s.Name), s =>
            s.Value.EnumerateArray().Select(e => (e.GetProperty("train_loss").GetDouble(), e.GetProperty("validation_loss").GetDouble())).ToList());
    }

    [Fact]
    public void Every_epoch_loss_of_two_seeds_equals_the_committed_values_bit_for_bit()
    {
        var expected = Expected();
        var actual = Train(null);
        foreach (var seed in expected.Keys)
        {
            Assert.Equal(expected[seed].Count, actual[seed].Count);
            for (int epoch = 0; epoch < expected[seed].Count; epoch++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[seed][epoch].Train) == BitConverter.DoubleToInt64Bits(actual[seed][epoch].Train),
                    $"seed {seed} epoch {epoch + 1}: training loss {actual[seed][epoch].Train:R}, committed {expected[seed][epoch].Train:R}");
                Assert.True(BitConverter.DoubleToInt64Bits(expected[seed][epoch].Validation) == BitConverter.DoubleToInt64Bits(actual[seed][epoch].Validation),
                    $"seed {seed} epoch {epoch + 1}: validation loss {actual[seed][epoch].Validation:R}, committed {expected[seed][epoch].Validation:R}");
            }
        }
    }

    [Fact]
    public void Other_kernels_give_other_bits_so_the_pinning_is_what_makes_runs_agree()
    {
        // ATen's scalar kernels instead of its AVX2 ones: the same numbers to about six digits, but not the same bits.
        var unpinned = Train(new Dictionary<string, string> { ["ATEN_CPU_CAPABILITY"] = "default" });
        var expected = Expected();
        Assert.NotEqual(expected[1].Select(e => e.Train), unpinned[1].Select(e => e.Train));
        Assert.All(expected[1].Zip(unpinned[1]), pair => Assert.Equal(pair.First.Train, pair.Second.Train, 2));
    }
}
