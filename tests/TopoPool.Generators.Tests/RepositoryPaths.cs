using System.Runtime.CompilerServices;

namespace TopoPool.Generators.Tests;

/// <summary>
/// The repository root (the folder holding TopoPool.Functional.sln, found by walking up from the test's
/// output folder, or from this source file when the build output lives elsewhere, as with --artifacts-path)
/// and the shared folder beside it.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.Combine(Path.GetDirectoryName(Root)!, "shared");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TopoPool.Functional.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("TopoPool.Functional.sln was not found above " + AppContext.BaseDirectory);
    }
}
