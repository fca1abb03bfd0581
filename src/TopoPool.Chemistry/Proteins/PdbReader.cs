using System.Globalization;

namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// Reads PDB-format files into residue graphs. ATOM and HETATM records are read by their fixed columns; each
/// residue (chain, number, insertion code) with a C-alpha atom becomes a node at that atom (residues without
/// one, such as waters and most ligands, are skipped); the first alternate location and the first residue name
/// seen for a residue win; only the first MODEL is read. HELIX and SHEET records give the secondary structure.
/// A line that cannot be read is reported as a <see cref="PdbError"/> with its line number and skipped.
/// </summary>
public static class PdbReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static PdbReadResult ReadFile(string path, double contactCutoff = Protein.DefaultContactCutoff)
    {
        using var reader = new StreamReader(path);
        return Read(reader, contactCutoff);
    }

    /// <summary>Reads PDB text.</summary>
    public static PdbReadResult Parse(string text, double contactCutoff = Protein.DefaultContactCutoff)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, contactCutoff);
    }

    /// <summary>Reads PDB lines until the end of <paramref name="reader"/>.</summary>
    public static PdbReadResult Read(TextReader reader, double contactCutoff = Protein.DefaultContactCutoff)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<PdbError>();
        var residues = new List<ResidueBuilder>();
        var byKey = new Dictionary<ResidueKey, ResidueBuilder>();
        var ranges = new List<(ResidueKey Start, ResidueKey End, SecondaryStructure Kind)>();
        string identifier = "";
        bool firstModelDone = false;
        int lineNumber = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            string record = line.Length >= 6 ? line[..6] : line.PadRight(6);
            switch (record)
            {
                case "HEADER":
                    identifier = Columns(line, 63, 66).Trim();
                    break;
                case "ENDMDL":
                    firstModelDone = true;
                    break;
                case "ATOM  " or "HETATM" when !firstModelDone:
                    ReadAtom(line, lineNumber, residues, byKey, errors);
                    break;
                case "HELIX ":
                    ReadRange(line, lineNumber, SecondaryStructure.Helix, (20, 22, 25, 26), (32, 34, 37, 38), ranges, errors);
                    break;
                case "SHEET ":
                    ReadRange(line, lineNumber, SecondaryStructure.Sheet, (22, 23, 26, 27), (33, 34, 37, 38), ranges, errors);
                    break;
            }
        }

        foreach (var (start, end, kind) in ranges)
        {
            foreach (ResidueBuilder residue in residues)
            {
                if (residue.Structure == SecondaryStructure.Coil && residue.Key.Chain == start.Chain &&
                    residue.Key.CompareTo(start) >= 0 && residue.Key.CompareTo(end) <= 0)
                {
                    residue.Structure = kind;
                }
            }
        }

        var built = new List<Residue>();
        foreach (ResidueBuilder residue in residues)
        {
            if (residue.HasAlphaCarbon)
            {
                built.Add(new Residue(
                    built.Count, residue.Name, residue.Key.Chain, residue.Key.Number, residue.Key.InsertionCode, residue.Structure, residue.X, residue.Y, residue.Z));
            }
        }

        return new PdbReadResult(Protein.Create(built, contactCutoff, identifier), errors);
    }

    private static void ReadAtom(string line, int lineNumber, List<ResidueBuilder> residues, Dictionary<ResidueKey, ResidueBuilder> byKey, List<PdbError> errors)
    {
        string kind = line[..6].Trim();
        if (line.Length < 54)
        {
            errors.Add(new PdbError(lineNumber, $"{kind} record has {line.Length} characters; its coordinates need columns 31-54"));
            return;
        }

        string residueName = Columns(line, 18, 20).Trim();
        if (residueName.Length == 0)
        {
            errors.Add(new PdbError(lineNumber, $"{kind} record has no residue name in columns 18-20"));
            return;
        }

        if (!TryInteger(line, 23, 26, "residue number", lineNumber, errors, out int number) ||
            !TryNumber(line, 31, 38, "x coordinate", lineNumber, errors, out double x) ||
            !TryNumber(line, 39, 46, "y coordinate", lineNumber, errors, out double y) ||
            !TryNumber(line, 47, 54, "z coordinate", lineNumber, errors, out double z))
        {
            return;
        }

        var key = new ResidueKey(Columns(line, 22, 22)[0], number, Columns(line, 27, 27)[0]);
        if (!byKey.TryGetValue(key, out ResidueBuilder? residue))
        {
            residue = new ResidueBuilder(key, residueName);
            byKey.Add(key, residue);
            residues.Add(residue);
        }

        // The C-alpha: atom name " CA " (a calcium ion is "CA  " with element CA); the first alternate location wins,
        // as does the first residue name (a second one is a point-mutation alternative).
        string atomName = Columns(line, 13, 16);
        string element = Columns(line, 77, 78).Trim();
        bool isAlphaCarbon = atomName.Trim() == "CA" && (element.Length > 0 ? element == "C" : atomName[0] == ' ');
        if (isAlphaCarbon && !residue.HasAlphaCarbon && residue.Name == residueName)
        {
            residue.HasAlphaCarbon = true;
            (residue.X, residue.Y, residue.Z) = (x, y, z);
        }
    }

    private static void ReadRange(
        string line,
        int lineNumber,
        SecondaryStructure kind,
        (int Chain, int NumberFrom, int NumberTo, int InsertionCode) start,
        (int Chain, int NumberFrom, int NumberTo, int InsertionCode) end,
        List<(ResidueKey, ResidueKey, SecondaryStructure)> ranges,
        List<PdbError> errors)
    {
        string name = kind == SecondaryStructure.Helix ? "HELIX" : "SHEET";
        if (line.Length < end.NumberTo)
        {
            errors.Add(new PdbError(lineNumber, $"{name} record has {line.Length} characters; its end residue needs columns up to {end.NumberTo}"));
            return;
        }

        if (!TryInteger(line, start.NumberFrom, start.NumberTo, "start residue number", lineNumber, errors, out int first) ||
            !TryInteger(line, end.NumberFrom, end.NumberTo, "end residue number", lineNumber, errors, out int last))
        {
            return;
        }

        char chain = Columns(line, start.Chain, start.Chain)[0];
        char endChain = Columns(line, end.Chain, end.Chain)[0];
        if (chain != endChain)
        {
            errors.Add(new PdbError(lineNumber, $"{name} record starts in chain '{chain}' and ends in chain '{endChain}'"));
            return;
        }

        ranges.Add((
            new ResidueKey(chain, first, Columns(line, start.InsertionCode, start.InsertionCode)[0]),
            new ResidueKey(chain, last, Columns(line, end.InsertionCode, end.InsertionCode)[0]),
            kind));
    }

    /// <summary>Columns <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive), blank-padded past the line's end.</summary>
    private static string Columns(string line, int from, int to)
    {
        if (line.Length >= to)
        {
            return line.Substring(from - 1, to - from + 1);
        }

        return line.Length >= from ? line[(from - 1)..].PadRight(to - from + 1) : new string(' ', to - from + 1);
    }

    private static bool TryInteger(string line, int from, int to, string what, int lineNumber, List<PdbError> errors, out int value)
    {
        string text = Columns(line, from, to).Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        errors.Add(new PdbError(lineNumber, $"{what} '{text}' in columns {from}-{to} is not an integer"));
        return false;
    }

    private static bool TryNumber(string line, int from, int to, string what, int lineNumber, List<PdbError> errors, out double value)
    {
        string text = Columns(line, from, to).Trim();
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        errors.Add(new PdbError(lineNumber, $"{what} '{text}' in columns {from}-{to} is not a number"));
        return false;
    }

    /// <summary>Identifies a residue: chain, sequence number, insertion code; ordered by number, then insertion code.</summary>
    private readonly record struct ResidueKey(char Chain, int Number, char InsertionCode) : IComparable<ResidueKey>
    {
        public int CompareTo(ResidueKey other) =>
            Number != other.Number ? Number.CompareTo(other.Number) : InsertionCode.CompareTo(other.InsertionCode);
    }

    private sealed class ResidueBuilder(ResidueKey key, string name)
    {
        public ResidueKey Key { get; } = key;

        public string Name { get; } = name;

        public bool HasAlphaCarbon { get; set; }

        public double X { get; set; }

        public double Y { get; set; }

        public double Z { get; set; }

        public SecondaryStructure Structure { get; set; }
    }
}
