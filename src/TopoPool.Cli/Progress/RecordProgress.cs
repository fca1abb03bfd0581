using System.Diagnostics;
using Spectre.Console;

namespace TopoPool.Cli.Progress;

/// <summary>
/// Progress of a stream of records (<c>predict</c>, <c>embed</c>) on standard error, so standard output can carry the
/// table: a live line with the count and molecules per second when standard error is a terminal, otherwise a plain
/// line every <see cref="PlainInterval"/> and one at the end.
/// </summary>
public sealed class RecordProgress
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter plain;
    private readonly string verb;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastShown;
    private ProgressTask? bar;

    public RecordProgress(TextWriter plain, string verb)
    {
        this.plain = plain;
        this.verb = verb;
    }

    public long Count { get; private set; }

    /// <summary>Records that got no values (unreadable, or no bond).</summary>
    public long Failed { get; private set; }

    public double PerSecond => Count / Math.Max(1e-9, clock.Elapsed.TotalSeconds);

    public static bool IsTerminal => !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with the display active.</summary>
    public T Run<T>(Func<T> work)
    {
        if (!IsTerminal) return work();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .Start(ctx =>
            {
                bar = ctx.AddTask(Line(), maxValue: 1).IsIndeterminate();
                var result = work();
                bar.Description = Line();
                bar.IsIndeterminate = false;
                bar.Value = 1;
                return result;
            });
    }

    public void Advance(bool failed = false)
    {
        Count++;
        if (failed) Failed++;
        var now = clock.Elapsed;
        if (bar is not null)
        {
            if (now - lastShown > TimeSpan.FromMilliseconds(250)) { bar.Description = Line(); lastShown = now; }
        }
        else if (now - lastShown >= PlainInterval)
        {
            plain.WriteLine(Line());
            lastShown = now;
        }
    }

    /// <summary>The closing line (plain output only; the live display keeps its own).</summary>
    public void Done()
    {
        if (bar is null) plain.WriteLine(Line());
    }

    private string Line() =>
        $"{verb} {Count - Failed:N0} molecules{(Failed > 0 ? $" ({Failed:N0} more records without values)" : "")}, {PerSecond:N0} records/s, {clock.Elapsed.TotalSeconds:F0} s";
}
