using System.Reflection;

namespace TopoPool.Chemistry.Tests;

/// <summary>
/// Locates the read-only <c>shared</c> folder beside the repository: walk up from the test binaries (or, when they
/// were built under an artifacts path elsewhere, from the test project's own folder) to TopoPool.Functional.sln,
/// then <c>../shared</c>. A missing folder throws, so tests that need the data fail rather than skip.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindSharedFolder);

    public static string Folder => Root.Value;

    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    public static string RequireFile(params string[] parts)
    {
        string path = PathOf(parts);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"shared data file {path} is missing", path);
        }

        return path;
    }

    private static string FindSharedFolder()
    {
        var starts = new List<string> { AppContext.BaseDirectory };
        string? projectDirectory = typeof(SharedData).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TestProjectDirectory")?.Value;
        if (projectDirectory is not null)
        {
            starts.Add(projectDirectory);
        }

        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "TopoPool.Functional.sln")))
                {
                    string shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                    if (!Directory.Exists(shared))
                    {
                        throw new DirectoryNotFoundException($"the shared data folder {shared} is missing");
                    }

                    return shared;
                }
            }
        }

        throw new DirectoryNotFoundException("TopoPool.Functional.sln not found above " + string.Join(" or ", starts));
    }
}
