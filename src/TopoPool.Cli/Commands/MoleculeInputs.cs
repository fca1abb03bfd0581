using System.CommandLine;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Cli.Commands;

/// <summary>The <c>--input</c> and <c>--smiles-column</c> options of the verbs that read molecules, and opening that input.</summary>
public static class MoleculeInputs
{
    public static Option<string?> InputOption(string extra = "") => new("--input")
    {
        Description = "molecules: a CSV/TSV with a SMILES column (.csv, .tsv; .txt when its header names one), a SMILES file " +
                      "(one per line, an optional name after it), or - for standard input" + extra,
    };

    public static Option<string?> SmilesColumnOption() => new("--smiles-column")
    {
        Description = "the CSV/TSV column holding the SMILES (default: the first of smiles, Drug, canonical_smiles)",
    };

    /// <summary>Opens <paramref name="path"/> (<c>-</c>: standard input); an input that cannot be read at all is an <see cref="InputException"/>.</summary>
    public static IMoleculeSource Open(string path, string? smilesColumn, Func<int, bool>? includeRow = null)
    {
        try
        {
            return MoleculeSources.Open(path, new MoleculeSourceOptions { SmilesColumn = smilesColumn, IncludeRow = includeRow });
        }
        catch (MoleculeSourceException e)
        {
            throw new InputException(e.Message);
        }
    }

    /// <summary>The refusal when a readable input held no record (a header alone, or blank lines).</summary>
    public static InputException NoMolecules(IMoleculeSource source) => new($"{source.Source}: no molecules (the file holds no records)");

    /// <summary>Reports a skipped record on standard error, one line.</summary>
    public static void ReportSkipped(string where, string? problem) => Console.Error.WriteLine($"warning: {where}: {problem}; skipped");
}
