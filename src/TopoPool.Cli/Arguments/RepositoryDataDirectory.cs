using TopoPool.Training.Data;

namespace TopoPool.Cli.Arguments;

/// <summary>
/// The command's convenience for a checkout of this repository: without <c>--data-dir</c>, with
/// <c>TOPOPOOL_DATA_DIR</c> unset and no <c>./data</c>, datasets come from <c>shared/data</c> beside the repository
/// (the folder holding <c>TopoPool.Functional.sln</c>, found above the program or the current directory). The
/// library itself reads only the directories it is given and those two defaults.
/// </summary>
public static class RepositoryDataDirectory
{
    /// <summary><paramref name="given"/> when set; else null when the library's own defaults exist; else the
    /// repository's shared data when there is one.</summary>
    public static string? Or(string? given)
    {
        if (given is not null || DatasetLocator.DefaultRoots().Count > 0) return given;
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (!File.Exists(Path.Combine(directory.FullName, "TopoPool.Functional.sln"))) continue;
                if (directory.Parent is not null && Path.Combine(directory.Parent.FullName, "shared", "data") is var shared && Directory.Exists(shared))
                    return shared;
                break;
            }
        }

        return null;
    }
}
