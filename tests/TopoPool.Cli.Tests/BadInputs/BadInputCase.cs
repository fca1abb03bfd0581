using System.Text.RegularExpressions;
using TopoPool.Testing;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>
/// One case of the bad-input corpus: a folder <c>tests/TopoPool.Cli.Tests/BadInputs/&lt;verb&gt;/&lt;case&gt;/</c> holding
/// the input files and a <c>case.txt</c> of <c>key: value</c> lines:
/// <list type="bullet">
/// <item><c>arg: VALUE</c>, one per argument in order (the verb included), or <c>args: A B C</c> split on spaces;</item>
/// <item><c>stdin: FILE</c>, a file of the case folder sent to standard input;</item>
/// <item><c>exit: N</c>, the expected exit code;</item>
/// <item><c>stderr: REGEX</c> / <c>stdout: REGEX</c>, each must match somewhere in that stream (several allowed);</item>
/// <item><c>no-stderr: REGEX</c> / <c>no-stdout: REGEX</c>, must match nowhere;</item>
/// <item><c>stdout-lines: N</c>, the number of non-empty lines on standard output;</item>
/// <item><c>run-before: A B C</c>, a command run first in the same work folder (for stale-result cases), its exit
/// code must be 0 or 3.</item>
/// </list>
/// In arguments, <c>{case}</c> is a writable copy of the case folder, <c>{work}</c> a fresh empty folder (the working
/// directory), <c>{shared}</c> the read-only <c>../shared</c> folder.
/// </summary>
public sealed record BadInputCase(
    string Verb,
    string Name,
    string Folder,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<IReadOnlyList<string>> RunBefore,
    string? StandardInputFile,
    int ExpectedExit,
    IReadOnlyList<string> StandardErrorPatterns,
    IReadOnlyList<string> StandardOutputPatterns,
    IReadOnlyList<string> ForbiddenStandardError,
    IReadOnlyList<string> ForbiddenStandardOutput,
    int? StandardOutputLines)
{
    public static string CorpusRoot => Path.Combine(SharedFolder.RepositoryRoot, "tests", "TopoPool.Cli.Tests", "BadInputs");

    public override string ToString() => $"{Verb}/{Name}";

    public static IEnumerable<BadInputCase> For(string verb)
    {
        var folder = Path.Combine(CorpusRoot, verb);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no bad-input cases for {verb}");
        return Directory.GetDirectories(folder).Order(StringComparer.Ordinal).Select(d => Load(verb, d));
    }

    public static BadInputCase Load(string verb, string folder)
    {
        var file = Path.Combine(folder, "case.txt");
        var args = new List<string>();
        var before = new List<IReadOnlyList<string>>();
        var stderr = new List<string>();
        var stdout = new List<string>();
        var noStderr = new List<string>();
        var noStdout = new List<string>();
        string? stdin = null;
        int? exit = null, lines = null;
        int number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            if (raw.Length == 0 || raw.StartsWith('#')) continue;
            int colon = raw.IndexOf(':');
            if (colon < 0) throw new FormatException($"{file} line {number}: expected 'key: value'");
            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].TrimStart();
            switch (key)
            {
                case "arg": args.Add(value); break;
                case "args": args.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                case "run-before": before.Add(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                case "stdin": stdin = value; break;
                case "exit": exit = int.Parse(value); break;
                case "stderr": stderr.Add(value); break;
                case "stdout": stdout.Add(value); break;
                case "no-stderr": noStderr.Add(value); break;
                case "no-stdout": noStdout.Add(value); break;
                case "stdout-lines": lines = int.Parse(value); break;
                default: throw new FormatException($"{file} line {number}: unknown key '{key}'");
            }
        }
        if (args.Count == 0) throw new FormatException($"{file}: no arguments");
        if (exit is null) throw new FormatException($"{file}: no 'exit:' line");
        foreach (var pattern in stderr.Concat(stdout).Concat(noStderr).Concat(noStdout)) _ = new Regex(pattern);
        return new BadInputCase(verb, Path.GetFileName(folder), folder, args, before, stdin, exit.Value, stderr, stdout, noStderr, noStdout, lines);
    }
}
