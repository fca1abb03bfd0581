namespace TopoPool.Training.Tests;

/// <summary>
/// The read-only benchmark data beside the repository: <c>ROOT/../shared/data</c>, where ROOT holds
/// TopoPool.Functional.sln (found above the test's output folder, or above this source file when the build output
/// lives elsewhere, as with --artifacts-path). A missing folder fails the test that asks for it; it is never skipped.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = TopoPool.Testing.SharedFolder.RepositoryRoot;

    public static string Root
    {
        get
        {
            string path = Path.Combine(Path.GetDirectoryName(RepositoryRoot)!, "shared", "data");
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"the shared benchmark data folder {path} does not exist; these tests need it");
            }

            return path;
        }
    }

    public static string Tu(string name) => RequireDirectory(Path.Combine(Root, "tu", name));

    public static string Tdc(string relativePath) => RequireFile(Path.Combine(Root, "tdc", relativePath));

    public static string Group(string stem) => RequireDirectory(Path.Combine(Root, "tdc", "admet_group_reconstructed", stem));

    private static string RequireDirectory(string path) =>
        Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"{path} does not exist; these tests need it");

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} does not exist; these tests need it", path);
}
