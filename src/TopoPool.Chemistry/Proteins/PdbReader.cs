using System.Globalization;

namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// Reads PDB-format files into residue graphs. ATOM and HETATM records are read by their fixed columns; each
/// residue (chain, number, insertion code) with a C-alpha atom becomes a node at that atom (residues without
/// one, such as waters and most ligands, are skipped); the first alternate location and the first residue name
/// seen for a residue win; only the first MODEL is read. HELIX and SHEET records give the secondary structure.
/// A line that cannot be read (a field that is not a number, a coordinate that is not finite, a record cut short)
/// is reported as a <see cref="PdbError"/> with its line number and skipped (the first 1,000 one by one, then one
/// more counting the rest); a NUL character (a binary file) ends the reading with one error. Time and memory are linear in the size of the file plus the contacts found; a file
/// of more than <see cref="Protein.MaximumResidues"/> residues, or one whose C-alpha atoms are packed denser than
/// <see cref="Protein.MaximumAlphaCarbonDensity"/>, is refused with an <see cref="InvalidDataException"/>.
/// </summary>
public static class PdbReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Too many residues or contacts too dense (see <see cref="Protein.Create"/>);
    /// the message starts with the file's name.</exception>
    public static PdbReadResult ReadFile(string path, double contactCutoff = Protein.DefaultContactCutoff)
    {
        using var reader = new StreamReader(path);
        try
        {
            return Read(reader, contactCutoff);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {e.Message}", e);
        }
    }

    /// <summary>Reads PDB text.</summary>
    /// <exception cref="InvalidDataException">Too many residues or contacts too dense (see <see cref="Protein.Create"/>).</exception>
    public static PdbReadResult Parse(string text, double contactCutoff = Protein.DefaultContactCutoff)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, contactCutoff);
    }

    /// <summary>Reads PDB lines until the end of <paramref name="reader"/>.</summary>
    /// <exception cref="InvalidDataException">Too many residues or contacts too dense (see <see cref="Protein.Create"/>).</exception>
    public static PdbReadResult Read(TextReader reader, double contactCutoff = Protein.DefaultContactCutoff)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new PdbErrorLog();
        var residues = new List<ResidueBuilder>();
        var byKey = new Dictionary<ResidueKey, ResidueBuilder>();
        var ranges = new List<(ResidueKey Start, ResidueKey End, SecondaryStructure Kind)>();
        string identifier = "";
        bool firstModelDone = false;
        int alphaCarbons = 0;
        var lines = new BoundedLineReader(reader);
        string? line;
        while ((line = lines.ReadLine()) is not null)
        {
            int lineNumber = lines.LineNumber;
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(new PdbError(lineNumber, "a NUL character: this is a binary file, not PDB text; nothing after it was read"));
                break;
            }

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
                    ReadAtom(line, lineNumber, residues, byKey, errors, ref alphaCarbons);
                    break;
                case "HELIX ":
                    ReadRange(line, lineNumber, SecondaryStructure.Helix, (20, 22, 25, 26), (32, 34, 37, 38), ranges, errors);
                    break;
                case "SHEET ":
                    ReadRange(line, lineNumber, SecondaryStructure.Sheet, (22, 23, 26, 27), (33, 34, 37, 38), ranges, errors);
                    break;
            }
        }

        AssignSecondaryStructure(residues, ranges);

        var built = new List<Residue>();
        foreach (ResidueBuilder residue in residues)
        {
            if (residue.HasAlphaCarbon)
            {
                built.Add(new Residue(
                    built.Count, residue.Name, residue.Key.Chain, residue.Key.Number, residue.Key.InsertionCode, residue.Structure, residue.X, residue.Y, residue.Z));
            }
        }

        return new PdbReadResult(Protein.Create(built, contactCutoff, identifier), errors.ToList());
    }

    /// <summary>
    /// Gives each residue the kind of the first HELIX or SHEET range (in file order) that holds it: per chain, a sweep
    /// over the residues in key order with a heap of the ranges begun so far, earliest record first, ranges that
    /// have ended dropped from its top. Time O((residues + ranges) log), whatever the ranges overlap.
    /// </summary>
    private static void AssignSecondaryStructure(List<ResidueBuilder> residues, List<(ResidueKey Start, ResidueKey End, SecondaryStructure Kind)> ranges)
    {
        if (ranges.Count == 0)
        {
            return;
        }

        foreach (var chain in residues.Where(r => r.HasAlphaCarbon).GroupBy(r => r.Key.Chain))
        {
            var sorted = chain.OrderBy(r => r.Key).ToList();
            var starting = Enumerable.Range(0, ranges.Count)
                .Where(k => ranges[k].Start.Chain == chain.Key)
                .OrderBy(k => ranges[k].Start)
                .ToList();
            var open = new PriorityQueue<int, int>();
            int next = 0;
            foreach (ResidueBuilder residue in sorted)
            {
                while (next < starting.Count && ranges[starting[next]].Start.CompareTo(residue.Key) <= 0)
                {
                    open.Enqueue(starting[next], starting[next]);
                    next++;
                }

                // A range that ends before this residue ends before every later one too.
                while (open.TryPeek(out int range, out _) && ranges[range].End.CompareTo(residue.Key) < 0)
                {
                    open.Dequeue();
                }

                if (open.TryPeek(out int first, out _))
                {
                    residue.Structure = ranges[first].Kind;
                }
            }
        }
    }

    private static void ReadAtom(
        string line, int lineNumber, List<ResidueBuilder> residues, Dictionary<ResidueKey, ResidueBuilder> byKey, PdbErrorLog errors, ref int alphaCarbons)
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
            // Stop at once: a file this large is refused whatever follows, and reading on would only cost memory.
            if (++alphaCarbons > Protein.MaximumResidues)
            {
                throw new InvalidDataException(Protein.TooManyResidues(null));
            }

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
        PdbErrorLog errors)
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

    private static bool TryInteger(string line, int from, int to, string what, int lineNumber, PdbErrorLog errors, out int value)
    {
        string text = Columns(line, from, to).Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        errors.Add(new PdbError(lineNumber, $"{what} '{text}' in columns {from}-{to} is not an integer"));
        return false;
    }

    private static bool TryNumber(string line, int from, int to, string what, int lineNumber, PdbErrorLog errors, out double value)
    {
        string text = Columns(line, from, to).Trim();
        bool parsed = double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        if (parsed && double.IsFinite(value))
        {
            return true;
        }

        string reason = parsed || IsNonFiniteWord(text) ? "is not a finite number"
            : text.Contains(' ', StringComparison.Ordinal) ? "is not a number (a value wider than its columns shifts the ones after it)"
            : text.Length == 0 ? "is blank"
            : "is not a number";
        errors.Add(new PdbError(lineNumber, $"{what} '{text}' in columns {from}-{to} {reason}"));
        value = 0;
        return false;
    }

    /// <summary>Spellings of NaN and infinity that writers of other languages use ("nan", "inf", "-INF", "∞").</summary>
    private static bool IsNonFiniteWord(string text)
    {
        string word = text.TrimStart('+', '-').ToLowerInvariant();
        return word is "nan" or "inf" or "infinity" or "∞" || word.StartsWith("nan(", StringComparison.Ordinal);
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
