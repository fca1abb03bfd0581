namespace TopoPool.Chemistry.Tests.Tables;

/// <summary>A fresh folder under the system temp path for hand-written input files, deleted on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = Directory.CreateTempSubdirectory("topopool-tables-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark and returns the full path.</summary>
    public string Write(string name, string text)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text, new System.Text.UTF8Encoding(false));
        return file;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
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
