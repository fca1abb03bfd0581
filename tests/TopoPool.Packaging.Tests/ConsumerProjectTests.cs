using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TopoPool.Packaging.Tests;

/// <summary>
/// Fresh projects outside the solution (Consumers/, copied to a temporary folder) that reference the packages as a
/// user's would, built and run: the values they print are checked against values worked out by hand.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class ConsumerProjectTests(PackagingWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void A_CSharp_program_declares_a_featurizer_featurizes_pools_and_trains_two_epochs()
    {
        var consumer = Ran("CSharp");
        var lines = consumer.Lines;
        Assert.StartsWith("featurizer: width 6;", lines[0]);
        Assert.Equal(6, lines[0].Split(';')[1].Split(',').Length);
        // Phenol, c1ccccc1O. Slots: element C, N, O, other; aromatic; hydrogens / 4.
        Assert.Equal("atom 0 C: 1 0 0 0 1 0.25", lines[1]);                                    // aromatic CH
        Assert.Equal("atom 6 O: 0 0 1 0 0 0.25", lines[2]);                                   // the OH oxygen
        Assert.Equal("graph: 7 nodes, 7 edges", lines[3]);                                     // six ring bonds and C-O

        var pooling = PoolingLine().Match(lines[4]);
        Assert.True(pooling.Success, lines[4]);
        int clusters = int.Parse(pooling.Groups["clusters"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(clusters, 1, 7);                                                        // at most one peak per node
        Assert.Equal("7 of 7", pooling.Groups["covered"].Value);                               // every node in a cluster
        Assert.Equal("1.000", pooling.Groups["sum"].Value);                                    // a softmax over the peaks

        AssertTrainedTwoEpochs(lines, testGraphs: 4);
    }

    [Fact]
    public void An_FSharp_program_runs_the_specification_the_TDC_featurizer_and_two_epochs_of_training()
    {
        var lines = Ran("FSharp").Lines;
        // The README's graph: scores 3 2 3 1 1 on edges 0-1, 1-2, 1-3, 1-4. Peaks 0 and 2; node 1 is reached from both at
        // level 1 and passes both labels on to 3 and 4.
        Assert.Equal(["cluster 0: peak 0, members 0,1,3,4", "cluster 1: peak 2, members 1,2,3,4"], lines.Where(l => l.StartsWith("cluster ", StringComparison.Ordinal)));
        Assert.Contains("tdc: 3 atoms x 39 features", lines);                                  // ethanol, the 39 TDC features
        AssertTrainedTwoEpochs(lines, testGraphs: 8);
    }

    [Fact]
    public void The_Chemistry_package_alone_brings_the_featurizer_generator()
    {
        var consumer = Ran("Chemistry");
        var lines = consumer.Lines;
        Assert.Equal("pyridine: 6 atoms x 6 features", lines[0]);
        Assert.Equal("atom 0 C: 1 0 0 0 1 0.25", lines[1]);                                    // aromatic CH
        Assert.Equal("atom 3 N: 0 1 0 0 1 0", lines[4]);                                       // aromatic N, no hydrogen
        var libraries = RestoredLibraries(consumer.ProjectDirectory);
        Assert.Contains($"TopoPool.Chemistry/{RepositoryLayout.PackageVersion}", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void With_the_CPU_bundle_the_restore_graph_holds_TorchSharp_and_libtorch_cpu()
    {
        var consumer = Ran("CSharp");
        var libraries = RestoredLibraries(consumer.ProjectDirectory);
        string torch = RepositoryLayout.TorchSharpVersion;
        Assert.Contains($"TorchSharp/{torch}", libraries);
        Assert.Contains($"TorchSharp-cpu/{torch}", libraries);
        Assert.Contains(libraries, l => l.StartsWith("libtorch-cpu/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.StartsWith("libtorch-cuda", StringComparison.OrdinalIgnoreCase) || l.StartsWith("TorchSharp-cuda", StringComparison.OrdinalIgnoreCase));
        Assert.True(File.Exists(Path.Combine(consumer.OutputDirectory, "runtimes", "linux-x64", "native", "libtorch_cpu.so")));
    }

    [Fact]
    public void The_packages_by_themselves_pull_in_TorchSharp_but_no_native_bundle()
    {
        output.WriteLine($"restore: {workspace.NoBundleRestore.Elapsed.TotalSeconds:F1} s");
        var libraries = RestoredLibraries(workspace.ConsumerDirectory("NoBundle"));
        foreach (var id in new[] { "TopoPool.Core", "TopoPool.Chemistry", "TopoPool.Depiction", "TopoPool.Torch", "TopoPool.Training" })
            Assert.Contains($"{id}/{RepositoryLayout.PackageVersion}", libraries);
        Assert.Contains($"TorchSharp/{RepositoryLayout.TorchSharpVersion}", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase) || l.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("CSharp")]
    [InlineData("FSharp")]   // references TopoPool.Training only: the fix reaches it through Torch's buildTransitive
    public void Consumers_get_the_libstdcxx_fix_through_the_packages(string name)
    {
        var library = Path.Combine(Ran(name).OutputDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var need = Assert.Single(ElfVersionNeeds.Read(library), n => n.Version == "GLIBCXX_3.4.32");
        Assert.True(need.Weak, $"{library}: the need for GLIBCXX_3.4.32 is not weak");
    }

    [Theory]
    [InlineData("CSharp")]
    [InlineData("FSharp")]
    [InlineData("Chemistry")]
    [InlineData("NoBundle")]
    public void A_fresh_restore_gives_exactly_the_graph_of_the_committed_lock_file(string name)
    {
        var restored = workspace.RestoredLockFile(name);
        var committed = Path.Combine(AppContext.BaseDirectory, "Consumers", name, "packages.lock.json");
        var kept = Path.Combine(Path.GetTempPath(), "topopool-consumer-locks", name, "packages.lock.json");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.Copy(restored, kept, overwrite: true);
        Assert.True(File.Exists(committed), $"{name} has no committed packages.lock.json; the fresh one is {kept}");
        var expected = LockedGraph(committed);
        var actual = LockedGraph(restored);
        Assert.True(expected.SequenceEqual(actual),
            $"{name}: the restore graph differs from the committed lock file (fresh lock: {kept}):\n"
            + string.Join("\n", expected.Except(actual).Select(l => "- " + l).Concat(actual.Except(expected).Select(l => "+ " + l))));
    }

    /// <summary>Every locked package of a lock file as one line: framework, id, type, requested and resolved version,
    /// dependencies and content hash; the hash is left out for the TopoPool packages, which each run packs anew.</summary>
    private static List<string> LockedGraph(string lockFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(lockFile));
        var lines = new List<string>();
        foreach (var framework in json.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            foreach (var package in framework.Value.EnumerateObject())
            {
                string Field(string field) => package.Value.TryGetProperty(field, out var v) ? v.ToString() : "";
                bool ours = package.Name.StartsWith("TopoPool.", StringComparison.Ordinal);
                lines.Add($"{framework.Name} {package.Name} {Field("type")} requested {Field("requested")} resolved {Field("resolved")} "
                          + $"dependencies {Field("dependencies")}{(ours ? "" : " hash " + Field("contentHash"))}");
            }
        }

        return lines;
    }

    private ConsumerRun Ran(string name)
    {
        var consumer = workspace.Consumer(name);
        output.WriteLine($"{name}: build {consumer.Build.Elapsed.TotalSeconds:F1} s, run {consumer.Run.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(consumer.Run.StandardOutput);
        return consumer;
    }

    private static void AssertTrainedTwoEpochs(IReadOnlyList<string> lines, int testGraphs)
    {
        var losses = lines.Select(l => EpochLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(["1", "2"], losses.Select(m => m.Groups["epoch"].Value));
        foreach (var m in losses)
        {
            double loss = double.Parse(m.Groups["loss"].Value, CultureInfo.InvariantCulture);
            Assert.True(double.IsFinite(loss) && loss > 0, $"train loss {loss}");
        }
        var trained = TrainedLine().Match(lines[^1]);
        Assert.True(trained.Success, lines[^1]);
        Assert.Equal("2", trained.Groups["epochs"].Value);
        Assert.Equal(testGraphs.ToString(CultureInfo.InvariantCulture), trained.Groups["graphs"].Value);
        double accuracy = double.Parse(trained.Groups["accuracy"].Value, CultureInfo.InvariantCulture);
        double correct = accuracy * testGraphs;
        Assert.InRange(accuracy, 0, 1);
        Assert.Equal(Math.Round(correct), correct, 2);                                         // a whole number of test graphs right
    }

    /// <summary>The package ids and versions of a restored project's graph (obj/project.assets.json, "libraries").</summary>
    private static IReadOnlyList<string> RestoredLibraries(string projectDirectory)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(projectDirectory, "obj", "project.assets.json")));
        return assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
    }

    [GeneratedRegex(@"^pooling: (?<clusters>\d+) clusters, (?<covered>\d+ of \d+) nodes covered, weights sum (?<sum>[\d.]+)$")]
    private static partial Regex PoolingLine();

    [GeneratedRegex(@"^epoch (?<epoch>\d+): train loss (?<loss>[-\d.eE+]+|NaN|∞|-∞)$")]
    private static partial Regex EpochLine();

    [GeneratedRegex(@"^trained: (?<epochs>\d+) epochs, test accuracy (?<accuracy>[\d.]+) on (?<graphs>\d+) graphs$")]
    private static partial Regex TrainedLine();
}
