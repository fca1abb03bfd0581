namespace TopoPool.Chemistry.Tables;

/// <summary>
/// Opens a molecule input of any supported format, chosen by the file's extension (and, where the extension does
/// not decide, its first line):
/// <list type="bullet">
/// <item><c>.csv</c>, <c>.tsv</c>, <c>.tab</c>: a table with a header (<see cref="TableMoleculeSource"/>); a header
/// without a SMILES column is refused.</item>
/// <item><c>.txt</c> and standard input: a table when the first non-blank line has a separator (a tab or a comma) and
/// names a SMILES column, else a SMILES file.</item>
/// <item><c>.sdf</c>, <c>.sd</c>, <c>.mol</c>, <c>.sdf.gz</c>: SDF/MOL, V2000 or V3000 (<see cref="Sdf.SdfMoleculeSource"/>);
/// the data fields are the columns.</item>
/// <item>anything else (<c>.smi</c>, <c>.smiles</c>, …): a SMILES file (<see cref="SmilesFileMoleculeSource"/>).</item>
/// </list>
/// A path of <c>-</c> (or none) is standard input, copied to a temporary file first. An input that cannot be read
/// at all (no such file, a folder, an empty file, a table without a SMILES column) throws
/// <see cref="MoleculeSourceException"/> with one line naming it.
/// </summary>
public static class MoleculeSources
{
    /// <summary>The name standard input has in messages.</summary>
    public const string StandardInputName = "standard input";

    /// <summary>Opens the file at <paramref name="path"/>, or standard input for <c>-</c> or null.</summary>
    public static IMoleculeSource Open(string? path, MoleculeSourceOptions? options = null)
    {
        if (path is null or "-")
        {
            using Stream input = Console.OpenStandardInput();
            return Open(input, StandardInputName, options);
        }

        if (Directory.Exists(path))
        {
            throw new MoleculeSourceException($"{path}: is a folder, not a file");
        }

        if (!File.Exists(path))
        {
            throw new MoleculeSourceException($"{path}: no such file");
        }

        return OpenFile(path, Path.GetFileName(path), null, options ?? MoleculeSourceOptions.Default);
    }

    /// <summary>Reads molecules from <paramref name="input"/> (copied to a temporary file first), named
    /// <paramref name="source"/> in messages; the name's extension chooses the format as a file's would.</summary>
    public static IMoleculeSource Open(Stream input, string source, MoleculeSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(source);
        TemporaryFile copy;
        try
        {
            copy = TemporaryFile.CopyOf(input);
        }
        catch (IOException e)
        {
            throw new MoleculeSourceException($"{source}: cannot be read ({e.Message})");
        }

        try
        {
            return OpenFile(copy.Path, source, copy, options ?? MoleculeSourceOptions.Default);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    private static IMoleculeSource OpenFile(string path, string source, TemporaryFile? copy, MoleculeSourceOptions options)
    {
        string extension = Path.GetExtension(source).ToLowerInvariant();
        if (extension is ".sdf" or ".sd" or ".mol" || source.EndsWith(".sdf.gz", StringComparison.OrdinalIgnoreCase))
        {
            Stream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new MoleculeSourceException($"{source}: cannot be read ({e.Message})");
            }
            copy?.Dispose();
            var sdf = Sdf.SdfMoleculeSource.FromStream(stream, source);
            sdf.IncludeRow = options.IncludeRow;
            return sdf;
        }

        string? firstLine;
        try
        {
            firstLine = TextFiles.FirstNonBlankLine(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MoleculeSourceException($"{source}: cannot be read ({e.Message})");
        }

        if (firstLine is null)
        {
            throw new MoleculeSourceException($"{source}: the file is empty; it has no molecules");
        }

        bool isTable = extension is ".csv" or ".tsv" or ".tab";
        bool mayBeTable = extension == ".txt" || (copy is not null && extension.Length == 0);
        if (isTable || (mayBeTable && (firstLine.Contains('\t') || firstLine.Contains(','))))
        {
            DelimitedTable? table = OpenTable(path, source, isTable);
            if (table is not null && (isTable || TableMoleculeSource.FindSmilesColumn(table, options.SmilesColumn) >= 0))
            {
                try
                {
                    var rows = TableMoleculeSource.Over(table, options.SmilesColumn, copy);
                    rows.IncludeRow = options.IncludeRow;
                    return rows;
                }
                catch
                {
                    table.Dispose();
                    throw;
                }
            }

            table?.Dispose();
        }

        var lines = copy is null ? SmilesFileMoleculeSource.Open(path) : SmilesFileMoleculeSource.OpenCopy(copy, source);
        lines.IncludeRow = options.IncludeRow;
        return lines;
    }

    /// <summary>The table at <paramref name="path"/>; null when its header cannot be read and the file need not be a table.</summary>
    private static DelimitedTable? OpenTable(string path, string source, bool mustBeTable)
    {
        try
        {
            return DelimitedTable.OpenNamed(path, source);
        }
        catch (TableHeaderException e)
        {
            return mustBeTable ? throw new MoleculeSourceException(e.Message) : null;
        }
    }
}
