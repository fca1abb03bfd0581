using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace TopoPool.Packaging.Tests;

/// <summary>What the one pack command makes: which packages, their manifests, and what each must carry.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageContentsTests(PackagingWorkspace workspace, ITestOutputHelper output)
{
    private static readonly string[] LibraryIds = ["TopoPool.Core", "TopoPool.Chemistry", "TopoPool.Depiction", "TopoPool.Torch", "TopoPool.Training"];

    public static TheoryData<string> Libraries { get; } = new(LibraryIds);

    private static string Version => RepositoryLayout.PackageVersion;

    private PackageFile Package(string id, string extension = "nupkg") =>
        PackageFile.Open(Path.Combine(workspace.Artifacts, $"{id}.{Version}.{extension}"));

    [Fact]
    public void One_command_packs_the_five_libraries_with_symbol_packages_and_the_tool()
    {
        output.WriteLine($"pack: {workspace.Packages.Elapsed.TotalSeconds:F1} s");
        var expected = LibraryIds.SelectMany(id => new[] { $"{id}.{Version}.nupkg", $"{id}.{Version}.snupkg" })
            .Append($"topopool.{Version}.nupkg").Append($"topopool.linux-x64.{Version}.nupkg").Order(StringComparer.Ordinal);
        var made = Directory.GetFiles(workspace.Artifacts).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, made);
    }

    [Fact]
    public void Every_package_has_the_one_version_and_what_its_package_page_shows()
    {
        _ = workspace.Packages;
        foreach (var path in Directory.GetFiles(workspace.Artifacts, "*.nupkg"))
        {
            var package = PackageFile.Open(path);
            Assert.Equal(Version, package.Version);
            Assert.False(string.IsNullOrWhiteSpace(package.Field("authors")), $"{package.Id}: no authors");
            Assert.True(package.Field("description").Length >= 80, $"{package.Id}: description too short for a package page: '{package.Field("description")}'");
            Assert.Contains("topopool", package.Field("tags").Split(' '), StringComparer.OrdinalIgnoreCase);
            if (RepositoryLayout.Commit is { } commit) Assert.Equal(commit, package.RepositoryCommit);
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_package_ships_its_assembly_and_xml_documentation_and_its_symbols_apart(string id)
    {
        _ = workspace.Packages;
        var package = Package(id);
        Assert.Contains($"lib/net10.0/{id}.dll", package.Entries);
        Assert.DoesNotContain($"lib/net10.0/{id}.pdb", package.Entries);
        var documentation = XDocument.Parse(System.Text.Encoding.UTF8.GetString(package.ReadEntry($"lib/net10.0/{id}.xml")).TrimStart('\uFEFF'));
        Assert.Equal(id, documentation.Root?.Element("assembly")?.Element("name")?.Value);
        Assert.NotEmpty(documentation.Descendants("member"));
        Assert.Contains($"lib/net10.0/{id}.pdb", Package(id, "snupkg").Entries);
    }

    [Fact]
    public void Chemistry_carries_the_featurizer_generator_as_a_CSharp_analyzer()
    {
        _ = workspace.Packages;
        var package = Package("TopoPool.Chemistry");
        Assert.Equal(["analyzers/dotnet/cs/TopoPool.Generators.dll"], package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        using var reader = new PEReader(new MemoryStream(package.ReadEntry("analyzers/dotnet/cs/TopoPool.Generators.dll")));
        var metadata = reader.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        Assert.Contains("Microsoft.CodeAnalysis", references);
        Assert.Contains("Microsoft.CodeAnalysis.CSharp", references);
    }

    [Fact]
    public void Torch_carries_the_libstdcxx_fix_of_build_as_transitive_build_logic()
    {
        _ = workspace.Packages;
        var shipped = Package("TopoPool.Torch").ReadEntry("buildTransitive/TopoPool.Torch.targets");
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, "build", "LibTorchSharpGlibcxxFix.targets")), shipped);
    }

    [Fact]
    public void Library_packages_depend_on_TorchSharp_and_on_no_native_bundle()
    {
        _ = workspace.Packages;
        foreach (var id in LibraryIds)
        {
            var dependencies = Package(id).Dependencies;
            Assert.DoesNotContain(dependencies, d => IsNativeBundle(d.Id));
            if (id is "TopoPool.Torch" or "TopoPool.Training")
                Assert.Contains(("TorchSharp", RepositoryLayout.TorchSharpVersion), dependencies);
        }
    }

    [Fact]
    public void The_tool_package_points_to_its_linux_x64_package_which_holds_the_program_and_only_linux_natives()
    {
        _ = workspace.Packages;
        var pointer = Package("topopool");
        Assert.Equal(["DotnetTool"], pointer.PackageTypes);
        Assert.Empty(pointer.Dependencies);
        var settings = XDocument.Parse(System.Text.Encoding.UTF8.GetString(pointer.ReadEntry("tools/any/any/DotnetToolSettings.xml")).TrimStart('\uFEFF'));
        var ridPackages = settings.Descendants("RuntimeIdentifierPackage").Select(e => ((string?)e.Attribute("RuntimeIdentifier"), (string?)e.Attribute("Id"))).ToList();
        Assert.Equal([("linux-x64", "topopool.linux-x64")], ridPackages);

        var program = Package("topopool.linux-x64");
        Assert.Equal(["DotnetToolRidPackage"], program.PackageTypes);
        Assert.Empty(program.Dependencies);
        const string folder = "tools/net10.0/linux-x64/";
        foreach (var file in new[] { "topopool", "topopool.dll", "TopoPool.Training.dll", "TorchSharp.dll", "libLibTorchSharp.so", "libtorch_cpu.so" })
            Assert.Contains(folder + file, program.Entries);
        Assert.DoesNotContain(program.Entries, e => e.EndsWith(".dylib", StringComparison.Ordinal) || e.Contains("/runtimes/", StringComparison.Ordinal)
            || (e.EndsWith(".dll", StringComparison.Ordinal) && Path.GetFileName(e).StartsWith("LibTorchSharp", StringComparison.Ordinal)));
    }

    private static bool IsNativeBundle(string id) =>
        id.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase) || id.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase);
}
