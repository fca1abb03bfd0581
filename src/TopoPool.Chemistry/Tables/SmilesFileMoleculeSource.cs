using System.Collections.Immutable;
using System.Text;

namespace TopoPool.Chemistry.Tables;

/// <summary>
/// Molecules from a SMILES file: one per line, the SMILES being the first whitespace-separated token and the rest of
/// the line, trimmed, its name. Blank lines are skipped and are not records; a first non-blank line whose first token
/// is <c>smiles</c>, <c>SMILES</c> or <c>Drug</c> is a header. <see cref="Columns"/> is <c>[smiles, name]</c> when any
/// record line has a name, else <c>[smiles]</c> (the file is looked through once on opening to decide). A SMILES that
/// cannot be read is a record with an error; reading goes on with the next line.
/// </summary>
public sealed class SmilesFileMoleculeSource : IMoleculeSource
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false);
    private static readonly ImmutableArray<string> SmilesOnly = ["smiles"];
    private static readonly ImmutableArray<string> SmilesAndName = ["smiles", "name"];

    private readonly string path;
    private readonly TemporaryFile? spool;
    private bool enumerated;

    private SmilesFileMoleculeSource(string path, string source, TemporaryFile? spool)
    {
        this.path = path;
        this.spool = spool;
        Source = source;
        Columns = Lines().Any(line => line.Name is not null) ? SmilesAndName : SmilesOnly;
    }

    public string Source { get; }

    public ImmutableArray<string> Columns { get; }

    /// <summary>Opens the SMILES file at <paramref name="path"/>.</summary>
    public static SmilesFileMoleculeSource Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MoleculeSourceException(Directory.Exists(path) ? $"{path}: is a folder, not a file" : $"{path}: no such file");
        }

        return new SmilesFileMoleculeSource(path, Path.GetFileName(path), null);
    }

    /// <summary>Reads a file that <see cref="MoleculeSources"/> has copied from a stream; the copy goes with this source.</summary>
    internal static SmilesFileMoleculeSource OpenCopy(TemporaryFile copy, string source) => new(copy.Path, source, copy);

    /// <summary>Which rows are read (<see cref="MoleculeSourceOptions.IncludeRow"/>); null: all.</summary>
    public Func<int, bool>? IncludeRow { get; internal set; }

    public IEnumerable<MoleculeRecord> Read()
    {
        if (enumerated)
        {
            throw new InvalidOperationException($"the records of {Source} are read once");
        }

        enumerated = true;
        return Records();
    }

    public void Dispose() => spool?.Dispose();

    private IEnumerable<MoleculeRecord> Records()
    {
        int row = 0;
        foreach (SmilesLine line in Lines())
        {
            row++;
            if (IncludeRow is { } include && !include(row))
            {
                continue;
            }

            ImmutableArray<string> values = Columns.Length == 1 ? [line.Smiles] : [line.Smiles, line.Name ?? string.Empty];
            yield return MoleculeText.TryRead(line.Smiles, out Molecule? molecule, out string? error)
                ? new MoleculeRecord(row, line.Number, values, line.Smiles, molecule, null)
                : new MoleculeRecord(row, line.Number, values, line.Smiles, null, error);
        }
    }

    /// <summary>The record lines: blank lines and the header left out.</summary>
    private IEnumerable<SmilesLine> Lines()
    {
        using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        int number = 0;
        bool first = true;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            number++;
            ReadOnlySpan<char> rest = text.AsSpan().Trim();
            if (rest.IsEmpty)
            {
                continue;
            }

            int gap = rest.IndexOfAny(' ', '\t');
            string smiles = (gap < 0 ? rest : rest[..gap]).ToString();
            string? name = gap < 0 ? null : rest[gap..].Trim().ToString();
            if (first && smiles is "smiles" or "SMILES" or "Drug")
            {
                first = false;
                continue;
            }

            first = false;
            yield return new SmilesLine(number, smiles, name);
        }
    }

    private readonly record struct SmilesLine(int Number, string Smiles, string? Name);
}
