using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Chemistry.Sdf;

/// <summary>
/// Molecules from an SDF file (records ending at <c>$$$$</c>) or a MOL file (one record), V2000 or V3000, read
/// as RDKit 2022.09's <c>SDMolSupplier</c> reads them: charges from the atom block or <c>M  CHG</c>, isotopes,
/// radicals, valence fields, hydrogen atoms folded into their neighbours' counts (isotopic ones stay atoms),
/// aromaticity perceived from Kekulé bonds, and chiral tags from 3D coordinates or 2D wedges, cleared where an
/// atom is no stereocentre. Atoms keep the file's order, and tags 1 and 2 are relative to it.
/// <para>
/// The data items (<c>&gt; &lt;NAME&gt;</c>) are the <see cref="Columns"/>: every name used by any record, in the order
/// first seen, found by a first pass over the input that reads only the lines after each <c>M  END</c>. Records are
/// then read lazily, one at a time, so memory stays flat however many records there are; a non-seekable input
/// (standard input) is spooled to a temporary file for the two passes. A record's <see cref="MoleculeRecord.Values"/>
/// are its items aligned with the columns (empty where it lacks one), and its <see cref="MoleculeRecord.Smiles"/> is
/// null. A record that cannot be read is yielded with its error (<c>atom block line 4 (file line 9): unknown
/// element 'Xx'</c>) and <see cref="MoleculeRecord.Line"/> set to the file line it starts on; reading resumes after
/// its <c>$$$$</c>. No byte sequence makes the reader throw.
/// </para>
/// </summary>
public sealed class SdfMoleculeSource : IMoleculeSource
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream stream;
    private readonly long start;

    private SdfMoleculeSource(Stream stream, string source)
    {
        this.stream = stream;
        Source = source;
        start = stream.Position;
        using (var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true))
        {
            Columns = [.. new SdfRecordReader(reader).CollectDataItemNames()];
        }

        stream.Position = start;
    }

    /// <inheritdoc/>
    public string Source { get; }

    /// <inheritdoc/>
    public ImmutableArray<string> Columns { get; }

    /// <summary>
    /// Opens an SDF or MOL file, plain or gzip-compressed (<c>.sdf.gz</c>, recognised by its content); throws
    /// <see cref="MoleculeSourceException"/> when it cannot be opened or decompressed.
    /// </summary>
    public static SdfMoleculeSource Open(string path)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new MoleculeSourceException($"{path}: cannot open the file ({Reason(e)})");
        }

        return FromStream(stream, path);
    }

    /// <summary>
    /// Reads SDF (plain or gzip-compressed) from <paramref name="input"/>, which the source then owns and disposes.
    /// A stream that cannot seek (standard input, a pipe) or is compressed is first copied, decompressed, to a
    /// temporary file, deleted when the source is disposed.
    /// </summary>
    public static SdfMoleculeSource FromStream(Stream input, string source)
    {
        ArgumentNullException.ThrowIfNull(input);
        Stream readable = input;
        try
        {
            if (!readable.CanSeek)
            {
                readable = Spool(input, source);
            }

            if (IsGzip(readable))
            {
                var compressed = readable;
                readable = Spool(new GZipStream(compressed, CompressionMode.Decompress), source);
            }
        }
        catch (InvalidDataException)
        {
            readable.Dispose();
            throw new MoleculeSourceException($"{source}: starts like a gzip file but cannot be decompressed");
        }
        catch (IOException e)
        {
            readable.Dispose();
            throw new MoleculeSourceException($"{source}: cannot read the input ({e.Message})");
        }

        return FromOwnedStream(readable, source);
    }

    /// <summary>Copies the input to a temporary file that is deleted when closed, and disposes the input.</summary>
    private static FileStream Spool(Stream input, string source)
    {
        FileStream spool;
        try
        {
            spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            input.Dispose();
            throw new MoleculeSourceException($"{source}: cannot keep a temporary copy of the input ({Reason(e)})");
        }

        try
        {
            input.CopyTo(spool);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
        finally
        {
            input.Dispose();
        }
    }

    private static bool IsGzip(Stream stream)
    {
        long at = stream.Position;
        int first = stream.ReadByte(), second = stream.ReadByte();
        stream.Position = at;
        return first == 0x1f && second == 0x8b;
    }

    /// <summary>Which records are yielded (<see cref="MoleculeSourceOptions.IncludeRow"/>; SDF records are parsed either way); null: all.</summary>
    public Func<int, bool>? IncludeRow { get; internal set; }

    /// <summary>The records in input order, read lazily from the start of the input each time it is enumerated.</summary>
    public IEnumerable<MoleculeRecord> Read()
    {
        stream.Position = start;
        var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        foreach (var record in new SdfRecordReader(reader).ReadRecords(Columns))
        {
            if (IncludeRow is { } include && !include(record.Row))
            {
                continue;
            }

            yield return record;
        }
    }

    /// <summary>Closes the input (and deletes its temporary copy, if one was made).</summary>
    public void Dispose() => stream.Dispose();

    private static SdfMoleculeSource FromOwnedStream(Stream stream, string source)
    {
        try
        {
            return new SdfMoleculeSource(stream, source);
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw new MoleculeSourceException($"{source}: cannot read the input ({Reason(e)})");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
