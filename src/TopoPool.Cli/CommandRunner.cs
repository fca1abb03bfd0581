using System.CommandLine;
using TopoPool.Core;

namespace TopoPool.Cli;

/// <summary>
/// Runs a command line and turns failures into one line on standard error and an exit code (<see cref="ExitCodes"/>):
/// bad input (unreadable files, bad values, damaged run folders, invalid graphs) is exit 2 with the input's own
/// message; anything else is a bug, reported with its type and exit 1.
/// </summary>
public static class CommandRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
            {
                var messages = parsed.Errors.Select(e => string.Join(" ", e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                Console.Error.WriteLine($"error: {string.Join("; ", messages.Distinct())}");
                return ExitCodes.BadInput;
            }
            return parsed.Invoke(configuration);
        }
        catch (Exception thrown)
        {
            var e = Unwrap(thrown);
            if (IsBadInput(e))
            {
                Console.Error.WriteLine($"error: {OneLine(e.Message)}");
                return ExitCodes.BadInput;
            }
            Console.Error.WriteLine($"error: internal error ({e.GetType().Name}): {OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>True for failures caused by what the user gave (files, values, folders), not by a bug.</summary>
    public static bool IsBadInput(Exception e) => e is InputException or FormatException or InvalidDataException
        or Training.Data.DatasetFormatException or Training.Data.DatasetNotFoundException or Training.Experiments.RunFolderException
        or Chemistry.Tables.MoleculeSourceException or GraphValidationException or Training.OwnData.OwnDataException
        or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or PathTooLongException or IOException;

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    e = aggregate.InnerExceptions.FirstOrDefault(IsBadInput) ?? aggregate.InnerExceptions[0];
                    continue;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                case TypeInitializationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
