using TopoPool.Testing;

namespace TopoPool.Cli.Tests.Examples;

/// <summary>
/// <c>examples/own_data_csharp</c> and <c>examples/own_data_fsharp</c>, each built and run once on ../shared/data with
/// <see cref="Epochs"/> epochs and a work folder of its own in a scratch folder.
/// </summary>
public sealed class OwnDataExampleRuns : IDisposable
{
    public const int Epochs = 3;

    public static readonly string[] Names = ["own_data_csharp", "own_data_fsharp"];

    private readonly Dictionary<string, (string Work, CliProcess.Result Result)> runs = [];

    public OwnDataExampleRuns()
    {
        Folder = Directory.CreateTempSubdirectory("topopool-examples").FullName;
        foreach (var name in Names)
        {
            var work = Path.Combine(Folder, name);
            runs[name] = (work, ExampleProgram.Build(name).Run(SharedFolder.Path("data"), Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), work));
        }
    }

    public string Folder { get; }

    /// <summary>What the example printed, and its exit code.</summary>
    public CliProcess.Result Result(string name) => runs[name].Result;

    /// <summary>The work folder the example wrote its tables and model folder into.</summary>
    public string Work(string name) => runs[name].Work;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
