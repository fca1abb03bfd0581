namespace TopoPool.Training.Tests;

/// <summary>A fresh folder under the system temp path, deleted on dispose; for corrupted copies of data files.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "topopool-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies every file of <paramref name="source"/> into <c>Path/subfolder</c> (writable) and returns that folder.</summary>
    public string CopyFolder(string source, string subfolder)
    {
        string target = System.IO.Path.Combine(Path, subfolder);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            string copy = System.IO.Path.Combine(target, System.IO.Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }

        return target;
    }

    /// <summary>Writes <paramref name="text"/> to <c>Path/relativePath</c> and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        string file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
