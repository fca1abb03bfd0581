namespace TopoPool.Chemistry.Tables;

/// <summary>
/// A copy of a stream (standard input) in a file of the temporary folder, deleted on dispose: a table is read from a
/// file so that reading can resume after a bad row without holding the input in memory. Named
/// <c>topopool-input-PID-GUID.tmp</c>, so a process can tell its own copies from another's.
/// </summary>
internal sealed class TemporaryFile : IDisposable
{
    private TemporaryFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TemporaryFile CopyOf(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"topopool-input-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var file = new TemporaryFile(path);
        try
        {
            using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            input.CopyTo(output);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return file;
    }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Left behind in the temporary folder; nothing else depends on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
