using System.Globalization;
using System.Text;

namespace TopoPool.Chemistry.Sdf;

/// <summary>
/// Reads one record's connection table, from its header to its <c>M  END</c> line, into a <see cref="MolBlock"/>:
/// V2000 (fixed columns, as RDKit reads them) or V3000 (<c>M  V30</c> lines with <c>-</c> continuations). Nothing is
/// interpreted chemically here. Every failure is a message naming the block, the line within it and the file line,
/// e.g. <c>atom block line 4 (file line 9): unknown element 'Xx'</c>; the parser never throws.
/// </summary>
internal sealed class MolBlockParser
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    private readonly Dictionary<int, int> atomIndexOfId = new();
    private readonly List<string> tokens = new();
    private readonly StringBuilder logicalLine = new();

    /// <summary>Parses the current record of <paramref name="lines"/> up to its <c>M  END</c> line.</summary>
    public string? Parse(SdfLineSource lines, MolBlock block)
    {
        block.Reset();
        for (int i = 0; i < 3; i++)
        {
            string? header = lines.Next();
            if (header is null)
            {
                return Fail(lines, "header", "the record ends before its counts line");
            }

            if (i == 1 && header.Length >= 22)
            {
                var dimension = header.AsSpan(20, 2);
                block.TaggedThreeDimensional = dimension.SequenceEqual("3D") || dimension.SequenceEqual("3d");
            }
        }

        string? counts = lines.Next();
        if (counts is null)
        {
            return Fail(lines, "header", "the record ends before its counts line");
        }

        if (counts.Length < 6)
        {
            return Fail(lines, "counts line", $"'{counts}' is too short for the atom and bond counts");
        }

        if (!TryParseInt(counts.AsSpan(0, 3), out int atomCount) || atomCount < 0
            || !TryParseInt(counts.AsSpan(3, 3), out int bondCount) || bondCount < 0)
        {
            return Fail(lines, "counts line", $"cannot read the atom and bond counts in '{counts}'");
        }

        bool v3000 = false;
        if (counts.Length > 35)
        {
            var version = counts.Length >= 39 ? counts.AsSpan(34, 5) : ReadOnlySpan<char>.Empty;
            if (version.SequenceEqual("V3000"))
            {
                v3000 = true;
            }
            else if (!version.SequenceEqual("V2000"))
            {
                return Fail(lines, "counts line", $"unsupported version '{counts.AsSpan(34).Trim()}' (V2000 and V3000 are read)");
            }
        }

        string? error = v3000 ? ParseV3000(lines, block) : ParseV2000(lines, block, atomCount, bondCount);
        return error ?? ParseProperties(lines, block);
    }

    // ---- V2000 --------------------------------------------------------------------------------------------

    private static string? ParseV2000(SdfLineSource lines, MolBlock block, int atomCount, int bondCount)
    {
        for (int i = 1; i <= atomCount; i++)
        {
            string? line = lines.Next();
            if (line is null)
            {
                return Fail(lines, "atom block", $"the record ends after {i - 1} of {atomCount} atoms");
            }

            string? error = ParseV2000Atom(line, block, lines.RecordLine);
            if (error is not null)
            {
                return Fail(lines, $"atom block line {i}", error);
            }
        }

        for (int i = 1; i <= bondCount; i++)
        {
            string? line = lines.Next();
            if (line is null)
            {
                return Fail(lines, "bond block", $"the record ends after {i - 1} of {bondCount} bonds");
            }

            string? error = ParseV2000Bond(line, block, lines.RecordLine);
            if (error is not null)
            {
                return Fail(lines, $"bond block line {i}", error);
            }
        }

        return null;
    }

    /// <summary>xxxxx.xxxxyyyyy.yyyyzzzzz.zzzz aaaddcccssshhhbbbvvvHHHrrriiimmmnnneee</summary>
    private static string? ParseV2000Atom(string line, MolBlock block, int recordLine)
    {
        if (line.Length < 34)
        {
            return $"'{line}' is too short for an atom";
        }

        if (!TryParseDouble(line.AsSpan(0, 10), out double x) || !TryParseDouble(line.AsSpan(10, 10), out double y)
            || !TryParseDouble(line.AsSpan(20, 10), out double z))
        {
            return $"cannot read the coordinates in '{line.Substring(0, 30)}'";
        }

        var symbol = line.AsSpan(31, 3).Trim();
        int element = ElementOf(symbol, out int isotope);
        if (element < 0)
        {
            return $"unknown element '{symbol}'";
        }

        int a = block.AddAtom(element, x, y, z, recordLine);
        block.Isotope[a] = isotope;
        if (!TryField(line, 34, 2, out int massDifference) || !TryField(line, 36, 3, out int chargeCode)
            || !TryField(line, 48, 3, out int valence) || !TryField(line, 60, 3, out int mapNumber))
        {
            return $"cannot read the mass difference, charge, valence or map fields of '{line}'";
        }

        if (massDifference != 0 && element > 0)
        {
            block.Isotope[a] = ChemicalElements.MostCommonIsotope[element] + massDifference;
        }

        // 1..3 are +3..+1, 5..7 are -1..-3; 4 (a doublet radical) is ignored, as RDKit 2022.09 does.
        block.Charge[a] = chargeCode == 0 || chargeCode == 4 ? 0 : 4 - chargeCode;
        if (valence != 0)
        {
            block.Valence[a] = valence == 15 ? 0 : Math.Max(valence, 0);
        }

        block.MapNumber[a] = Math.Max(mapNumber, 0);
        return null;
    }

    /// <summary>111222tttsssxxxrrrccc</summary>
    private static string? ParseV2000Bond(string line, MolBlock block, int recordLine)
    {
        if (line.Length < 9)
        {
            return $"'{line}' is too short for a bond";
        }

        if (!TryParseInt(line.AsSpan(0, 3), out int first) || !TryParseInt(line.AsSpan(3, 3), out int second)
            || !TryParseInt(line.AsSpan(6, 3), out int type) || !TryField(line, 9, 3, out int stereo))
        {
            return $"cannot read the atoms, type and stereo of '{line}'";
        }

        return AddBond(block, first, second, type, StereoCode(type, stereo), recordLine);
    }

    private static string? AddBond(MolBlock block, int first, int second, int type, byte stereo, int recordLine)
    {
        if (first < 1 || first > block.AtomCount || second < 1 || second > block.AtomCount)
        {
            int missing = first < 1 || first > block.AtomCount ? first : second;
            return $"bond to atom {missing}, but the molecule has {block.AtomCount} atoms";
        }

        if (first == second)
        {
            return $"bond from atom {first} to itself";
        }

        if (type < 1 || type > 4)
        {
            return $"bond type {type} is not supported (query, dative and zero-order bonds are not read)";
        }

        block.AddBond(first - 1, second - 1, (byte)type, stereo, recordLine);
        return null;
    }

    /// <summary>The molfile stereo codes the reader uses: wedge 1, hash 6, wavy 4, and 3 (either) on double bonds.</summary>
    private static byte StereoCode(int type, int stereo) => stereo switch
    {
        1 or 4 or 6 => (byte)stereo,
        3 when type == 2 => 3,
        _ => 0,
    };

    // ---- properties (both versions) -----------------------------------------------------------------------

    private string? ParseProperties(SdfLineSource lines, MolBlock block)
    {
        bool chargesReset = false;
        while (true)
        {
            string? line = lines.Next();
            if (line is null)
            {
                return Fail(lines, "properties block", "the record ends before 'M  END'");
            }

            if (line.StartsWith("M  END", StringComparison.Ordinal))
            {
                return null;
            }

            if (line.StartsWith("M  CHG", StringComparison.Ordinal) || line.StartsWith("M  RAD", StringComparison.Ordinal)
                || line.StartsWith("M  ISO", StringComparison.Ordinal))
            {
                // The first M  CHG or M  RAD line replaces every charge of the atom block.
                bool isotopes = line[3] == 'I';
                if (!isotopes && !chargesReset)
                {
                    Array.Clear(block.Charge, 0, block.AtomCount);
                    chargesReset = true;
                }

                string? error = ParseAtomValueList(line, block);
                if (error is not null)
                {
                    return Fail(lines, "properties block", error);
                }

                continue;
            }

            if (line.StartsWith("M  ", StringComparison.Ordinal) || line.StartsWith("V  ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("A  ", StringComparison.Ordinal) || line.StartsWith("G  ", StringComparison.Ordinal))
            {
                // An alias or group abbreviation: its text is on the next line.
                if (lines.Next() is null)
                {
                    return Fail(lines, "properties block", "the record ends before 'M  END'");
                }

                continue;
            }

            if (line.StartsWith("S  SKP", StringComparison.Ordinal))
            {
                if (!TryParseInt(line.AsSpan(6), out int skip))
                {
                    return Fail(lines, "properties block", $"cannot read the count of '{line}'");
                }

                for (int i = 0; i < skip; i++)
                {
                    if (lines.Next() is null)
                    {
                        return Fail(lines, "properties block", "the record ends before 'M  END'");
                    }
                }

                continue;
            }

            if (line.Length > 0 && (char.IsAsciiDigit(line[0]) || line[0] == ' ') && !SdfLineSource.IsBlank(line))
            {
                // An old-style atom list or other obsolete block line: not needed.
                continue;
            }

            return Fail(lines, "properties block", $"unexpected line '{Shorten(line)}' before 'M  END'");
        }
    }

    /// <summary><c>M  CHGnn8 aaa vvv ...</c> (and RAD, ISO): a count, then that many atom-value pairs.</summary>
    private string? ParseAtomValueList(string line, MolBlock block)
    {
        Tokenize(line.AsSpan(6));
        string tag = line.Substring(0, 6);
        if (tokens.Count == 0 || !int.TryParse(tokens[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count) || count < 0)
        {
            return $"cannot read the entry count of '{line}'";
        }

        if (tokens.Count < 1 + 2 * count)
        {
            return $"'{tag}' promises {count} entries but has {(tokens.Count - 1) / 2}";
        }

        for (int i = 0; i < count; i++)
        {
            if (!int.TryParse(tokens[1 + 2 * i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int atom)
                || !int.TryParse(tokens[2 + 2 * i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return $"cannot read entry {i + 1} of '{line}'";
            }

            if (atom < 1 || atom > block.AtomCount)
            {
                return $"'{tag}' refers to atom {atom}, but the molecule has {block.AtomCount} atoms";
            }

            int a = atom - 1;
            switch (tag[3])
            {
                case 'C':
                    block.Charge[a] = value;
                    break;
                case 'R':
                    block.Radicals[a] = RadicalElectrons(value);
                    break;
                default:
                    block.Isotope[a] = Math.Max(value, 0);
                    break;
            }
        }

        return null;
    }

    /// <summary>Molfile radical codes: 1 singlet and 3 triplet are two unpaired electrons, 2 doublet one.</summary>
    private static int RadicalElectrons(int code) => code switch
    {
        1 or 3 => 2,
        2 => 1,
        _ => 0,
    };

    // ---- V3000 --------------------------------------------------------------------------------------------

    private string? ParseV3000(SdfLineSource lines, MolBlock block)
    {
        string? line = ReadV30(lines, out string? error);
        if (line is null)
        {
            return error;
        }

        if (!line.StartsWith("BEGIN CTAB", StringComparison.Ordinal))
        {
            return Fail(lines, "V3000 block", $"expected 'BEGIN CTAB', found '{Shorten(line)}'");
        }

        line = ReadV30(lines, out error);
        if (line is null)
        {
            return error;
        }

        Tokenize(line);
        if (tokens.Count < 3 || tokens[0] != "COUNTS" || !TryParseInt(tokens[1], out int atomCount) || atomCount < 0
            || !TryParseInt(tokens[2], out int bondCount) || bondCount < 0)
        {
            return Fail(lines, "V3000 counts line", $"cannot read the atom and bond counts in '{Shorten(line)}'");
        }

        atomIndexOfId.Clear();
        bool atomsRead = false;
        while (true)
        {
            line = ReadV30(lines, out error);
            if (line is null)
            {
                return error;
            }

            if (line.StartsWith("END CTAB", StringComparison.Ordinal))
            {
                break;
            }

            if (line.StartsWith("BEGIN ATOM", StringComparison.Ordinal))
            {
                error = ParseV3000Atoms(lines, block, atomCount);
                atomsRead = true;
            }
            else if (line.StartsWith("BEGIN BOND", StringComparison.Ordinal))
            {
                error = ParseV3000Bonds(lines, block, bondCount);
            }
            else if (line.StartsWith("BEGIN ", StringComparison.Ordinal))
            {
                // Substance groups, collections, 3D features: not needed.
                error = SkipV3000Block(lines, line.Substring(6).Trim());
            }
            else
            {
                error = Fail(lines, "V3000 block", $"unexpected line '{Shorten(line)}'");
            }

            if (error is not null)
            {
                return error;
            }
        }

        if (!atomsRead && atomCount > 0)
        {
            return Fail(lines, "V3000 block", $"no atom block for the {atomCount} atoms of the counts line");
        }

        if (block.BondCount != bondCount)
        {
            return Fail(lines, "V3000 block", $"{block.BondCount} bonds read, but the counts line says {bondCount}");
        }

        return null;
    }

    private string? ParseV3000Atoms(SdfLineSource lines, MolBlock block, int atomCount)
    {
        for (int i = 1; i <= atomCount; i++)
        {
            string? line = ReadV30(lines, out string? error);
            if (line is null)
            {
                return error;
            }

            error = ParseV3000Atom(line, block, lines.RecordLine);
            if (error is not null)
            {
                return Fail(lines, $"atom block line {i}", error);
            }
        }

        return ExpectV30(lines, "END ATOM");
    }

    /// <summary><c>index type x y z aamap [CHG=c] [RAD=r] [MASS=m] [VAL=v] ...</c></summary>
    private string? ParseV3000Atom(string line, MolBlock block, int recordLine)
    {
        Tokenize(line);
        if (tokens.Count < 6)
        {
            return $"'{Shorten(line)}' is too short for an atom";
        }

        if (!TryParseInt(tokens[0], out int id))
        {
            return $"cannot read the atom index '{tokens[0]}'";
        }

        string symbol = tokens[1].Trim('"');
        if (symbol.StartsWith('[') || symbol.StartsWith("NOT", StringComparison.Ordinal))
        {
            return $"atom lists ('{symbol}') are not supported";
        }

        int element = ElementOf(symbol, out int isotope);
        if (element < 0)
        {
            return $"unknown element '{symbol}'";
        }

        if (!TryParseDouble(tokens[2], out double x) || !TryParseDouble(tokens[3], out double y) || !TryParseDouble(tokens[4], out double z))
        {
            return $"cannot read the coordinates '{tokens[2]} {tokens[3]} {tokens[4]}'";
        }

        if (!TryParseInt(tokens[5], out int mapNumber))
        {
            return $"cannot read the atom map '{tokens[5]}'";
        }

        if (!atomIndexOfId.TryAdd(id, block.AtomCount))
        {
            return $"atom index {id} is used twice";
        }

        int a = block.AddAtom(element, x, y, z, recordLine);
        block.Isotope[a] = isotope;
        block.MapNumber[a] = Math.Max(mapNumber, 0);
        for (int t = 6; t < tokens.Count; t++)
        {
            string token = tokens[t];
            int equals = token.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = token.AsSpan(0, equals);
            var value = token.AsSpan(equals + 1);
            if (!key.SequenceEqual("CHG") && !key.SequenceEqual("RAD") && !key.SequenceEqual("MASS") && !key.SequenceEqual("VAL"))
            {
                continue;
            }

            if (!TryParseNumber(value, out int number))
            {
                return $"cannot read '{token}'";
            }

            switch (key[0])
            {
                case 'C':
                    block.Charge[a] = number;
                    break;
                case 'R':
                    block.Radicals[a] = RadicalElectrons(number);
                    break;
                case 'M':
                    block.Isotope[a] = Math.Max(number, 0);
                    break;
                default:
                    // VAL=-1 means a valence of zero; 0 means none given.
                    if (number != 0)
                    {
                        block.Valence[a] = number < 0 ? 0 : number;
                    }

                    break;
            }
        }

        return null;
    }

    private string? ParseV3000Bonds(SdfLineSource lines, MolBlock block, int bondCount)
    {
        for (int i = 1; i <= bondCount; i++)
        {
            string? line = ReadV30(lines, out string? error);
            if (line is null)
            {
                return error;
            }

            error = ParseV3000Bond(line, block, lines.RecordLine);
            if (error is not null)
            {
                return Fail(lines, $"bond block line {i}", error);
            }
        }

        return ExpectV30(lines, "END BOND");
    }

    /// <summary><c>index type atom1 atom2 [CFG=c] ...</c>; CFG 1 is a wedge, 3 a hash, 2 wavy (either).</summary>
    private string? ParseV3000Bond(string line, MolBlock block, int recordLine)
    {
        Tokenize(line);
        if (tokens.Count < 4)
        {
            return $"'{Shorten(line)}' is too short for a bond";
        }

        if (!TryParseInt(tokens[1], out int type) || !TryParseInt(tokens[2], out int firstId) || !TryParseInt(tokens[3], out int secondId))
        {
            return $"cannot read the type and atoms of '{Shorten(line)}'";
        }

        if (!atomIndexOfId.TryGetValue(firstId, out int first) || !atomIndexOfId.TryGetValue(secondId, out int second))
        {
            int missing = atomIndexOfId.ContainsKey(firstId) ? secondId : firstId;
            return $"bond to atom {missing}, which the atom block does not have";
        }

        int configuration = 0;
        for (int t = 4; t < tokens.Count; t++)
        {
            if (tokens[t].StartsWith("CFG=", StringComparison.Ordinal) && !TryParseInt(tokens[t].AsSpan(4), out configuration))
            {
                return $"cannot read '{tokens[t]}'";
            }
        }

        int stereo = configuration switch
        {
            1 => 1,
            3 => 6,
            2 => type == 2 ? 3 : 4,
            _ => 0,
        };
        return AddBond(block, first + 1, second + 1, type, StereoCode(type, stereo), recordLine);
    }

    private string? SkipV3000Block(SdfLineSource lines, string name)
    {
        string end = "END " + name;
        while (true)
        {
            string? line = ReadV30(lines, out string? error);
            if (line is null)
            {
                return error;
            }

            if (line.StartsWith(end, StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    private string? ExpectV30(SdfLineSource lines, string expected)
    {
        string? line = ReadV30(lines, out string? error);
        if (line is null)
        {
            return error;
        }

        return line.StartsWith(expected, StringComparison.Ordinal)
            ? null
            : Fail(lines, "V3000 block", $"expected '{expected}', found '{Shorten(line)}'");
    }

    /// <summary>The next logical V3000 line without its <c>M  V30 </c> prefix, continuations (a trailing
    /// <c>-</c>) joined; null with an error when the record ends or a line lacks the prefix.</summary>
    private string? ReadV30(SdfLineSource lines, out string? error)
    {
        logicalLine.Clear();
        while (true)
        {
            string? line = lines.Next();
            if (line is null)
            {
                error = Fail(lines, "V3000 block", "the record ends before 'END CTAB'");
                return null;
            }

            if (!line.StartsWith("M  V30", StringComparison.Ordinal))
            {
                error = Fail(lines, "V3000 block", $"expected a line starting with 'M  V30', found '{Shorten(line)}'");
                return null;
            }

            var content = line.AsSpan(6).TrimEnd();
            if (content.Length > 0 && content[0] == ' ')
            {
                content = content.Slice(1);
            }

            if (content.Length > 0 && content[^1] == '-')
            {
                logicalLine.Append(content[..^1]);
                continue;
            }

            logicalLine.Append(content);
            error = null;
            return logicalLine.ToString().Trim();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /// <summary>
    /// The atomic number of a molfile atom symbol, or -1. D and T are hydrogen isotopes; query and placeholder
    /// symbols (A, Q, X, M, their H forms, L, LP, *, R, R#, Rn-style R groups, Pol, Mod) are wildcards, as RDKit
    /// reads them; a two-letter symbol in capitals (CL) is accepted.
    /// </summary>
    private static int ElementOf(ReadOnlySpan<char> symbol, out int isotope)
    {
        isotope = 0;
        int element = ChemicalElements.AtomicNumber(symbol);
        if (element > 0)
        {
            return element;
        }

        switch (symbol)
        {
            case "D":
                isotope = 2;
                return 1;
            case "T":
                isotope = 3;
                return 1;
            case "*" or "A" or "AH" or "Q" or "QH" or "X" or "XH" or "M" or "MH" or "L" or "LP" or "R" or "R#" or "Pol" or "Mod":
                return 0;
        }

        if (symbol.Length >= 2 && symbol[0] == 'R' && IsAllDigits(symbol.Slice(1)))
        {
            return 0;
        }

        if (symbol.Length == 2 && char.IsAsciiLetterUpper(symbol[0]) && char.IsAsciiLetterUpper(symbol[1]))
        {
            Span<char> normal = stackalloc char[2];
            normal[0] = symbol[0];
            normal[1] = char.ToLowerInvariant(symbol[1]);
            return ChemicalElements.AtomicNumber(normal);
        }

        return ChemicalElements.AtomicNumber(symbol);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>Splits on blanks, keeping quoted strings and parenthesised lists (<c>(3 1 2 3)</c>) whole.</summary>
    private void Tokenize(ReadOnlySpan<char> text)
    {
        tokens.Clear();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            int depth = 0;
            bool quoted = false;
            while (i < text.Length && (quoted || depth > 0 || !char.IsWhiteSpace(text[i])))
            {
                char c = text[i];
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (!quoted && c == '(')
                {
                    depth++;
                }
                else if (!quoted && c == ')' && depth > 0)
                {
                    depth--;
                }

                i++;
            }

            tokens.Add(text.Slice(start, i - start).ToString());
        }
    }

    /// <summary>A fixed-width field that may be missing (short line) or blank: both read as 0.</summary>
    private static bool TryField(string line, int start, int width, out int value)
    {
        value = 0;
        if (line.Length <= start)
        {
            return true;
        }

        return TryParseInt(line.AsSpan(start, Math.Min(width, line.Length - start)), out value);
    }

    /// <summary>A blank-padded integer (blank reads as 0); digits with an optional sign, nothing else.</summary>
    private static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim();
        value = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        bool negative = text[0] == '-';
        int i = text[0] == '-' || text[0] == '+' ? 1 : 0;
        if (i == text.Length || text.Length - i > 9)
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        int result = 0;
        for (; i < text.Length; i++)
        {
            int digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            result = result * 10 + digit;
        }

        value = negative ? -result : result;
        return true;
    }

    /// <summary>An integer, or a decimal number rounded (V3000 MASS may be written 13.0).</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, out int value)
    {
        if (TryParseInt(text, out value))
        {
            return true;
        }

        if (TryParseDouble(text, out double number) && Math.Abs(number) < int.MaxValue)
        {
            value = (int)Math.Round(number);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A finite decimal number. Plain fixed-point text (the molfile's <c>-8.8222</c>) is read directly: its digits
    /// as an integer divided by a power of ten, both exact, which rounds exactly as <see cref="double.Parse(string)"/>;
    /// anything else goes to the general parser.
    /// </summary>
    private static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        long mantissa = 0;
        int digits = 0, decimals = 0;
        bool point = false, plain = i < text.Length;
        for (; i < text.Length && plain; i++)
        {
            char c = text[i];
            if (c == '.' && !point)
            {
                point = true;
            }
            else if ((uint)(c - '0') <= 9)
            {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                decimals += point ? 1 : 0;
            }
            else
            {
                plain = false;
            }
        }

        if (plain && digits > 0 && digits <= 15 && decimals < PowersOfTen.Length)
        {
            double magnitude = mantissa / PowersOfTen[decimals];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line.Substring(0, 40) + "...";

    private static string Fail(SdfLineSource lines, string where, string problem) => $"{where} (file line {lines.CurrentLine}): {problem}";
}
