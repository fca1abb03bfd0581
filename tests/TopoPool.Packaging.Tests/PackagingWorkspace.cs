using System.Text.Json;
using System.Text.RegularExpressions;

namespace TopoPool.Packaging.Tests;

/// <summary>
/// One temporary folder for the whole packaging check, shared by its tests and deleted afterwards: the packages packed
/// from the repository, consumer projects built against them outside the repository, and the tool installed from them.
/// Each step runs once, when a test first needs it; a step that fails fails every test that needs it, with the
/// command's output.
/// </summary>
/// <remarks>
/// Nothing is downloaded. The consumers' nuget.config adds the artifacts folder as a local source by path (mapped to the
/// TopoPool packages only, so no other source is asked for them and none can answer for them) and leaves the machine's
/// own sources in place for everything else; their restore uses a global packages folder of its own, so that a stale
/// copy of the same version can never stand in for the packages just made, with the machine's global packages folder as
/// a fallback folder: TorchSharp and its native bundle come from where the solution's own restore put them. The tool is
/// installed from the artifacts folder alone.
/// </remarks>
public sealed class PackagingWorkspace : IDisposable
{
    private readonly Lazy<CommandResult> pack;
    private readonly Lazy<string> consumerFolder;
    private readonly Dictionary<string, Lazy<ConsumerRun>> consumers = [];
    private readonly Lazy<CommandResult> noBundleRestore;
    private readonly Lazy<CommandResult> toolInstall;

    public PackagingWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "topopool-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        pack = new Lazy<CommandResult>(Pack);
        consumerFolder = new Lazy<string>(PrepareConsumers);
        foreach (var name in new[] { "CSharp", "FSharp", "Chemistry" })
            consumers[name] = new Lazy<ConsumerRun>(() => BuildAndRun(name));
        noBundleRestore = new Lazy<CommandResult>(() => Restore("NoBundle"));
        toolInstall = new Lazy<CommandResult>(InstallTool);
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The folder the tool is installed into (<c>dotnet tool install --tool-path</c>).</summary>
    public string ToolPath => Path.Combine(Root, "tool", "bin");

    /// <summary>The result of packing every shipped project into <see cref="Artifacts"/>.</summary>
    public CommandResult Packages => pack.Value.EnsureSucceeded();

    /// <summary>A consumer project (a folder under Consumers/) built against the packages and run.</summary>
    public ConsumerRun Consumer(string name) => consumers[name].Value;

    /// <summary>The project folder of a consumer (its obj/project.assets.json holds the restore graph).</summary>
    public string ConsumerDirectory(string name) => Path.Combine(consumerFolder.Value, name);

    /// <summary>The lock file a consumer's fresh restore wrote (its committed one is left out of the copy).</summary>
    public string RestoredLockFile(string name)
    {
        if (name == "NoBundle") _ = NoBundleRestore;
        else _ = Consumer(name);
        return Path.Combine(ConsumerDirectory(name), "packages.lock.json");
    }

    /// <summary>The restore of the consumer that references the packages without any native bundle.</summary>
    public CommandResult NoBundleRestore => noBundleRestore.Value.EnsureSucceeded();

    /// <summary>The tool installed from the artifacts into <see cref="ToolPath"/>.</summary>
    public CommandResult ToolInstall => toolInstall.Value.EnsureSucceeded();

    /// <summary>Runs the installed <c>topopool</c> in a folder of its own.</summary>
    public CommandResult RunTool(params string[] arguments)
    {
        _ = ToolInstall;
        var directory = Directory.CreateDirectory(Path.Combine(Root, "tool", "runs", Guid.NewGuid().ToString("N")[..8])).FullName;
        return DotnetCommand.RunProgram(Path.Combine(ToolPath, "topopool"), directory, null, arguments);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleanup; nothing else reads it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The shipped projects, packed with one command through a solution filter of the repository's solution.
    /// The solution's build has built them (this test project references them for the build order), so the pack finds
    /// them up to date, and it restores nothing.</summary>
    private CommandResult Pack()
    {
        var filter = Path.Combine(Root, "packages.slnf");
        File.WriteAllText(filter, JsonSerializer.Serialize(new
        {
            solution = new { path = Path.Combine(RepositoryLayout.Root, "TopoPool.Functional.sln"), projects = RepositoryLayout.PackedProjects },
        }));
        return DotnetCommand.Run(RepositoryLayout.Root, null,
            ["pack", filter, "-c", "Release", "-o", Artifacts, "--no-restore", .. DotnetCommand.BuildSwitches]);
    }

    private string PrepareConsumers()
    {
        _ = Packages;
        var folder = Path.Combine(Root, "consumers");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumers"), folder);
        // Stubs, so that no Directory.*.props or .targets above the temporary folder is picked up. Hard links only
        // spare the disk the copies of libtorch (a gigabyte per output folder).
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"),
            "<Project>\n  <PropertyGroup>\n    <CreateHardLinksForCopyLocalIfPossible>true</CreateHardLinksForCopyLocalIfPossible>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), ConsumerNuGetConfig(MachineSourceNames(folder)));
        return folder;
    }

    private string ConsumerNuGetConfig(IReadOnlyList<string> machineSources)
    {
        var mappings = string.Concat(machineSources.Select(s =>
            $"    <packageSource key=\"{s}\">\n      <package pattern=\"*\" />\n    </packageSource>\n"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="topopool-artifacts" value="{Artifacts}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-global-packages" value="{MachineGlobalPackagesFolder()}" />
              </fallbackPackageFolders>
              <packageSourceMapping>
                <packageSource key="topopool-artifacts">
                  <package pattern="TopoPool.*" />
                </packageSource>
            {mappings}  </packageSourceMapping>
            </configuration>

            """;
    }

    /// <summary>The enabled package sources of this machine's NuGet configuration, by name (no address is written).</summary>
    private static List<string> MachineSourceNames(string directory)
    {
        var listed = DotnetCommand.Run(directory, null, "nuget", "list", "source").EnsureSucceeded();
        return Regex.Matches(listed.StandardOutput, @"^\s*\d+\.\s+(?<name>.+?)\s+\[Enabled\]\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups["name"].Value).ToList();
    }

    private static string MachineGlobalPackagesFolder()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) return configured;
        var listed = DotnetCommand.Run(Path.GetTempPath(), null, "nuget", "locals", "global-packages", "--list").EnsureSucceeded();
        var match = Regex.Match(listed.StandardOutput, @"global-packages:\s*(?<path>\S.*?)\s*$", RegexOptions.Multiline);
        return match.Success ? match.Groups["path"].Value : throw new InvalidDataException("no global packages folder in: " + listed.StandardOutput);
    }

    /// <summary>What every consumer command gets: the consumers' own global packages folder.</summary>
    private Dictionary<string, string> ConsumerEnvironment => new() { ["NUGET_PACKAGES"] = Path.Combine(Root, "consumer-packages") };

    private string[] VersionProperties =>
    [
        $"-p:TopoPoolVersion={RepositoryLayout.PackageVersion}",
        $"-p:TorchSharpVersion={RepositoryLayout.TorchSharpVersion}",
        $"-p:FSharpCoreVersion={RepositoryLayout.FSharpCoreVersion}",
    ];

    private CommandResult Restore(string name) =>
        DotnetCommand.Run(ConsumerDirectory(name), ConsumerEnvironment, ["restore", .. VersionProperties, .. DotnetCommand.BuildSwitches]);

    private ConsumerRun BuildAndRun(string name)
    {
        var directory = ConsumerDirectory(name);
        var build = DotnetCommand.Run(directory, ConsumerEnvironment, ["build", "-c", "Release", .. VersionProperties, .. DotnetCommand.BuildSwitches]).EnsureSucceeded();
        var program = Path.Combine(directory, "bin", "Release", "net10.0", $"Consumer.{name}.dll");
        var run = DotnetCommand.Run(directory, null, program).EnsureSucceeded();
        return new ConsumerRun(directory, Path.GetDirectoryName(program)!, build, run);
    }

    private CommandResult InstallTool()
    {
        _ = Packages;
        var folder = Directory.CreateDirectory(Path.Combine(Root, "tool")).FullName;
        var config = Path.Combine(folder, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="topopool-artifacts" value="{Artifacts}" />
              </packageSources>
            </configuration>

            """);
        return DotnetCommand.Run(folder, null,
            "tool", "install", "topopool", "--version", RepositoryLayout.PackageVersion, "--tool-path", ToolPath, "--configfile", config);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            // The committed lock files are what the fresh restores are compared with, not their input.
            if (Path.GetFileName(file) == "packages.lock.json") continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
