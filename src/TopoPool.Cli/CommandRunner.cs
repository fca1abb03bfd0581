using System.CommandLine;
using TopoPool.Core;

namespace TopoPool.Cli;

/// <summary>Runs a command line and turns failures into one line on standard error and a non-zero exit code.</summary>
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
                Console.Error.WriteLine($"error: {string.Join("; ", messages)}");
                return ExitCodes.BadInput;
            }
            return parsed.Invoke(configuration);
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FormatException or Training.Data.DatasetFormatException or Training.Data.DatasetNotFoundException
                                       or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (GraphValidationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
