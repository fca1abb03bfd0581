using System.Reflection;

namespace TopoPool.Training.Experiments;

/// <summary>Where a result came from: the library version and commit that computed it, and the CPU it ran on.</summary>
public sealed record RunProvenance(string Version, string Commit, string Cpu)
{
    /// <summary>This process: the informational version of this assembly (<c>1.0.0+&lt;commit&gt;</c>, stamped by the
    /// SDK from git at build time) and the CPU model from <c>/proc/cpuinfo</c> where there is one.</summary>
    public static RunProvenance Current { get; } = Read();

    /// <summary>The full version text, <c>1.0.0+abc123…</c>.</summary>
    public string Informational => Commit.Length == 0 ? Version : $"{Version}+{Commit}";

    private static RunProvenance Read()
    {
        var informational = typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+');
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? "" : informational[(plus + 1)..];
        if (commit.Length > 12) commit = commit[..12];
        return new RunProvenance(version, commit, CpuModel());
    }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                        return line[(colon + 1)..].Trim();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }
}
