namespace TopoPool.Cli.Tests.Deploy;

/// <summary>A <c>topopool</c> command on a PATH of its own, as a cluster node has it: a wrapper script running the built CLI.</summary>
public static class TopopoolOnPath
{
    /// <summary>Writes <c>folder/bin/topopool</c> and returns a PATH that finds it first.</summary>
    public static string In(string folder)
    {
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        var command = Path.Combine(bin, "topopool");
        File.WriteAllText(command, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "topopool.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
    }
}
