using System.Text.RegularExpressions;
using TopoPool.Testing;
using Xunit;

namespace TopoPool.Cli.Tests.BadInputs;

/// <summary>
/// Runs every case of one verb's bad-input corpus through the real command and checks what a user would see: the
/// expected exit code, the expected messages, and never a stack trace, a .NET exception or type name, or a hang.
/// </summary>
public abstract class BadInputSuite
{
    private static readonly Regex StackTrace = new(@"^\s+at [\w.<>`]+\(|Exception\b|System\.[A-Z]\w+\.", RegexOptions.Multiline);

    protected static IEnumerable<object[]> Cases(string verb) => BadInputCase.For(verb).Select(c => new object[] { c.Name });

    protected static void Check(string verb, string name)
    {
        var @case = BadInputCase.Load(verb, Path.Combine(BadInputCase.CorpusRoot, verb, name));
        var work = Directory.CreateTempSubdirectory($"topopool-bad-{verb}-").FullName;
        var copy = Path.Combine(work, "case");
        CopyFolder(@case.Folder, copy);
        string Expand(string a) => a.Replace("{case}", copy).Replace("{work}", work).Replace("{shared}", SharedFolder.Path(""));
        try
        {
            foreach (var before in @case.RunBefore)
            {
                var first = CliProcess.RunIn(work, null, [.. before.Select(Expand)]);
                Assert.True(first.ExitCode is 0 or 3, $"{@case}: run-before `{string.Join(' ', before)}` exited {first.ExitCode}: {first.StandardError}");
            }
            string? stdin = @case.StandardInputFile is { } f ? File.ReadAllText(Path.Combine(copy, f)) : null;
            var result = CliProcess.RunIn(work, stdin, [.. @case.Arguments.Select(Expand)]);
            string context = $"{@case}: `topopool {string.Join(' ', @case.Arguments)}`\n--- exit {result.ExitCode}\n--- stderr\n{result.StandardError}\n--- stdout (first 2000 chars)\n{Head(result.StandardOutput)}";
            Assert.False(result.TimedOut, $"hang: {context}");
            Assert.True(@case.ExpectedExit == result.ExitCode, $"expected exit {@case.ExpectedExit}: {context}");
            Assert.False(StackTrace.IsMatch(result.StandardError), $"a stack trace or .NET name reached the user: {context}");
            if (result.ExitCode == ExitCodes.BadInput)
                Assert.True(result.StandardError.Split('\n').Count(l => l.StartsWith("error: ")) == 1, $"a refused input gets exactly one error line: {context}");
            foreach (var p in @case.StandardErrorPatterns) Assert.True(Regex.IsMatch(result.StandardError, p, RegexOptions.Multiline), $"stderr lacks /{p}/: {context}");
            foreach (var p in @case.StandardOutputPatterns) Assert.True(Regex.IsMatch(result.StandardOutput, p, RegexOptions.Multiline), $"stdout lacks /{p}/: {context}");
            foreach (var p in @case.ForbiddenStandardError) Assert.False(Regex.IsMatch(result.StandardError, p, RegexOptions.Multiline), $"stderr has /{p}/: {context}");
            foreach (var p in @case.ForbiddenStandardOutput) Assert.False(Regex.IsMatch(result.StandardOutput, p, RegexOptions.Multiline), $"stdout has /{p}/: {context}");
            if (@case.StandardOutputLines is int lines)
                Assert.True(lines == result.StandardOutput.Split('\n').Count(l => l.Trim().Length > 0), $"expected {lines} output lines: {context}");
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var sub in Directory.GetDirectories(source)) CopyFolder(sub, Path.Combine(target, Path.GetFileName(sub)));
    }
}
