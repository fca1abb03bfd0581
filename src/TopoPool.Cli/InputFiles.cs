namespace TopoPool.Cli;

/// <summary>Reads a named input file, or standard input when none is named.</summary>
public static class InputFiles
{
    public static (string Text, string Source) ReadAllText(FileInfo? file)
    {
        if (file is null) return (Console.In.ReadToEnd(), "standard input");
        if (!file.Exists) throw new InputException($"{file.FullName}: no such file");
        return (File.ReadAllText(file.FullName), file.Name);
    }
}
