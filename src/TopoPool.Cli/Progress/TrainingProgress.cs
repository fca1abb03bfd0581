using Spectre.Console;
using TopoPool.Training.Trainer;

namespace TopoPool.Cli.Progress;

/// <summary>
/// Shows training progress: a live bar per seed (epoch, losses, validation metric, best so far, time left) when
/// standard output is a terminal, and plain lines otherwise (every epoch of short runs; every tenth epoch, each
/// improvement and the last epoch of long ones).
/// </summary>
public sealed class TrainingProgress
{
    private readonly bool interactive;
    private readonly TextWriter plain;
    private ProgressContext? context;
    private readonly Dictionary<int, ProgressTask> bars = [];

    public TrainingProgress(TextWriter plain, bool interactive)
    {
        this.plain = plain;
        this.interactive = interactive;
    }

    public static bool IsTerminal => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with the display active.</summary>
    public T Run<T>(Func<T> work)
    {
        if (!interactive) return work();
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                context = ctx;
                return work();
            });
    }

    public void Report(int seed, EpochReport r)
    {
        string line = $"seed {seed} epoch {r.Epoch}/{r.Epochs} train_loss {r.TrainLoss:F4} val_loss {r.ValidationLoss:F4} " +
                      $"val_{r.MetricName} {r.ValidationMetric:F4} best {r.BestValidationMetric:F4}@{r.BestEpoch} " +
                      $"elapsed {r.ElapsedSeconds:F0}s left ~{r.SecondsLeft:F0}s";
        if (context is { } ctx)
        {
            if (!bars.TryGetValue(seed, out var bar)) bars[seed] = bar = ctx.AddTask($"seed {seed}", maxValue: r.Epochs);
            bar.Description = Markup.Escape(line);
            bar.Value = r.Epoch;
            return;
        }
        bool shortRun = r.Epochs <= 60;
        if (shortRun || r.Epoch % 10 == 0 || r.BestEpoch == r.Epoch || r.Epoch == r.Epochs) plain.WriteLine(line);
    }

    /// <summary>Marks a seed as done (early stopping ends a bar before its epoch cap).</summary>
    public void Finish(int seed, string summary)
    {
        if (context is not null && bars.TryGetValue(seed, out var bar))
        {
            bar.Description = Markup.Escape(summary);
            bar.Value = bar.MaxValue;
            bar.StopTask();
        }
        else plain.WriteLine(summary);
    }
}
