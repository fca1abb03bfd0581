using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TopoPool.Cli.Output;
using TopoPool.Training.Data;
using TopoPool.Training.Experiments;
using TopoPool.Training.Trainer;

namespace TopoPool.Cli.Commands;

/// <summary>
/// Runs a planned run as a separate <c>topopool train ... --json</c> process with exactly the run's settings (one torch
/// thread each, the same pinned kernels), so several runs go at once without sharing torch's global state; the
/// numbers are those of the same run made in this process. A child that fails ends the grid with its message.
/// </summary>
public sealed class ChildProcessRunExecutor(Action<string> log) : IRunExecutor
{
    public SeedRun Execute(PlannedRun run, CancellationToken cancellation)
    {
        var s = run.Settings;
        var e = run.Experiment;
        var start = Start();
        string[] arguments =
        [
            "train", "--dataset", s.Dataset, "--model", s.Model, "--gnn", ComponentNames.Of(s.Gnn), "--pool", ComponentNames.Of(s.Pool),
            "--seeds", run.Seed.ToString(CultureInfo.InvariantCulture),
            "--epochs", s.Epochs.ToString(CultureInfo.InvariantCulture), "--patience", s.Patience.ToString(CultureInfo.InvariantCulture),
            "--batch-size", s.BatchSize.ToString(CultureInfo.InvariantCulture), "--lr", s.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            "--hidden", s.Hidden.ToString(CultureInfo.InvariantCulture), "--split-rounding", ComponentNames.Of(s.SplitRounding),
            "--duplicates", ComponentNames.Of(e.Duplicates), "--threads", s.Threads.ToString(CultureInfo.InvariantCulture),
            "--device", s.Device, "--out", e.OutputFolder, "--json",
            .. (s.ShuffleEachEpoch ? new[] { "--shuffle-each-epoch" } : []),
            .. (s.Variant.Length > 0 ? new[] { "--variant", s.Variant } : []),
            .. (e.Explain ? new[] { "--explain" } : []),
            .. (e.DataDirectory is { } data ? new[] { "--data-dir", data } : []),
        ];
        foreach (var a in arguments) start.ArgumentList.Add(a);
        log($"{run}: started");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a topopool process");
        using var registration = cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        string? last = null;
        while (process.StandardOutput.ReadLine() is { } line)
            if (line.StartsWith('{')) last = line;
        process.WaitForExit();
        cancellation.ThrowIfCancellationRequested();
        var stderr = errors.Result.Trim();
        if (process.ExitCode != ExitCodes.Success || last is null)
            throw new InvalidOperationException($"{run}: the run failed (exit {process.ExitCode}): {stderr}");
        var result = JsonSerializer.Deserialize(last, CliJson.Default.TrainJson)
                     ?? throw new InvalidOperationException($"{run}: the run printed no result");
        if (result.Key != s.Key)
            throw new InvalidOperationException($"{run}: the run's settings ({result.Key}) are not the planned ones ({s.Key})");
        var seed = result.Runs.Single();
        return new SeedRun(seed.Seed, seed.Value, seed.Epochs, seed.BestEpoch, seed.Seconds, seed.SecondsPerEpoch, seed.Validation,
            seed.MotifRecovery, seed.Resumed, seed.StoppedBy == "epoch_cap" ? StopReason.EpochCap : StopReason.Patience, seed.Reused);
    }

    /// <summary>This program again: the apphost, or <c>dotnet topopool.dll</c> when it was started that way.</summary>
    private static ProcessStartInfo Start()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(ChildProcessRunExecutor).Assembly.Location);
        return start;
    }
}
