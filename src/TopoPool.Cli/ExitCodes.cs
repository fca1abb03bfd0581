namespace TopoPool.Cli;

/// <summary>
/// The exit codes of every verb (ARCHITECTURE.md, README "Exit codes"): 0 all done; 2 bad input or arguments,
/// nothing done; 3 done, but some inputs were skipped (each reported on standard error); 1 internal error (a bug).
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    public const int SomeInputsSkipped = 3;

    /// <summary><see cref="SomeInputsSkipped"/> when anything was skipped, else <see cref="Success"/>.</summary>
    public static int Done(int skipped) => skipped > 0 ? SomeInputsSkipped : Success;
}
