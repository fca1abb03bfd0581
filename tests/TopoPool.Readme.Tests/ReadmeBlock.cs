using TopoPool.Testing;

namespace TopoPool.Readme.Tests;

/// <summary>A fenced code block of README.md: its language, the README line of its first code line, its text, and
/// the text block right after it (only blank lines between), which is the output the README shows for it.</summary>
public sealed record ReadmeBlock(string Language, int Line, string Code, string? ShownOutput)
{
    public static string ReadmePath => Path.Combine(SharedFolder.RepositoryRoot, "README.md");

    /// <summary>Every fenced block of the README, in order.</summary>
    public static IReadOnlyList<ReadmeBlock> All { get; } = Read(File.ReadAllLines(ReadmePath));

    public static IReadOnlyList<ReadmeBlock> Of(string language) => All.Where(b => b.Language == language).ToList();

    public override string ToString() => $"README.md line {Line}";

    private static List<ReadmeBlock> Read(string[] lines)
    {
        var blocks = new List<(string Language, int Line, string Code, int End)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            string language = lines[i][3..].Trim();
            int start = i + 1, end = start;
            while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal)) end++;
            if (end == lines.Length) throw new InvalidDataException($"{ReadmePath}: the block opened on line {i + 1} is never closed");
            blocks.Add((language, start + 1, string.Join('\n', lines[start..end]) + "\n", end));
            i = end;
        }

        return blocks.Select((b, k) =>
        {
            bool outputFollows = k + 1 < blocks.Count && blocks[k + 1].Language == "text"
                                 && lines[(b.End + 1)..(blocks[k + 1].Line - 2)].All(string.IsNullOrWhiteSpace);
            return new ReadmeBlock(b.Language, b.Line, b.Code, outputFollows ? blocks[k + 1].Code : null);
        }).ToList();
    }
}
