namespace TopoPool.Testing

open System
open System.Diagnostics

/// What a `dotnet` child process printed and how it ended.
type DotnetResult = { ExitCode: int; StandardOutput: string; StandardError: string; TimedOut: bool }

/// Runs the `dotnet` command (build, exec) as a separate process, as a reader would, with both streams captured.
[<AbstractClass; Sealed>]
type DotnetProcess =
    /// A build or run that has not ended after this long is a hang: it is killed with its children and reported.
    /// Not a speed requirement: the F# compiler alone takes a minute on a busy two-core machine.
    static member HangGuard = TimeSpan.FromMinutes 15.0

    /// The configuration these tests were built in, for building projects beside them the same way.
    static member Configuration =
#if DEBUG
        "Debug"
#else
        "Release"
#endif

    static member Run(args: seq<string>) : DotnetResult =
        let start = ProcessStartInfo("dotnet", RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false)
        for a in args do start.ArgumentList.Add a
        use proc =
            match Process.Start start with
            | null -> raise (InvalidOperationException "dotnet could not be started")
            | started -> started
        let output = proc.StandardOutput.ReadToEndAsync()
        let error = proc.StandardError.ReadToEndAsync()
        if not (proc.WaitForExit DotnetProcess.HangGuard) then
            proc.Kill(entireProcessTree = true)
            proc.WaitForExit()
            { ExitCode = -1; StandardOutput = output.Result; StandardError = error.Result; TimedOut = true }
        else
            proc.WaitForExit()
            { ExitCode = proc.ExitCode; StandardOutput = output.Result; StandardError = error.Result; TimedOut = false }
