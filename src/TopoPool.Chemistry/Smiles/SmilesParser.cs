namespace TopoPool.Chemistry.Smiles;

/// <summary>
/// The OpenSMILES grammar: turns the text into atoms, bonds and neighbour order in a <see cref="WorkingMolecule"/>,
/// or the first syntax error with its position. Chemistry (hydrogens, aromaticity) happens afterwards.
/// </summary>
internal sealed class SmilesParser
{
    private const int MaxRingNumber = 99999;
    private const byte NoBond = 0;

    private readonly WorkingMolecule mol;
    private readonly Dictionary<int, RingOpening> openRings = new();
    private readonly Stack<int> branches = new();
    private readonly Stack<int> branchPositions = new();
    private string text = string.Empty;
    private int end;

    public SmilesParser(WorkingMolecule molecule)
    {
        mol = molecule;
    }

    private enum Token
    {
        Start,
        Atom,
        Ring,
        BranchOpen,
        BranchClose,
        Dot,
    }

    /// <summary>Parses <paramref name="smiles"/> into the working molecule; returns null or the first error.</summary>
    public SmilesError? Parse(string smiles)
    {
        text = smiles;
        mol.Reset();
        openRings.Clear();
        branches.Clear();
        branchPositions.Clear();

        // OpenSMILES: leading blanks are skipped and the SMILES ends at the first blank (a title may follow).
        int i = 0;
        while (i < smiles.Length && IsBlank(smiles[i]))
        {
            i++;
        }

        end = i;
        while (end < smiles.Length && !IsBlank(smiles[end]))
        {
            end++;
        }

        if (i == end)
        {
            return new SmilesError(0, "empty input");
        }

        int previous = -1;
        byte pendingOrder = NoBond, pendingDirection = 0;
        int pendingPosition = -1;
        var last = Token.Start;

        while (i < end)
        {
            char c = text[i];
            if (c == '[' || c == '*' || IsAsciiLetter(c))
            {
                int atomPosition = i;
                var error = c == '[' ? ParseBracketAtom(ref i, out int atom) : ParseOrganicAtom(ref i, out atom);
                if (error is not null)
                {
                    return error;
                }

                if (previous >= 0)
                {
                    AddChainBond(previous, atom, pendingOrder, pendingDirection);
                    mol.HasPrevious[atom] = true;
                }

                pendingOrder = NoBond;
                pendingDirection = 0;
                pendingPosition = -1;
                previous = atom;
                last = Token.Atom;
                continue;
            }

            switch (c)
            {
                case '-':
                case '=':
                case '#':
                case '$':
                case ':':
                case '/':
                case '\\':
                    if (previous < 0 || last == Token.Dot || last == Token.Start)
                    {
                        return new SmilesError(i, $"bond '{c}' without a preceding atom at position {i}");
                    }

                    if (pendingPosition >= 0)
                    {
                        return new SmilesError(i, $"two bond symbols in a row at position {i}");
                    }

                    pendingOrder = BondOrderOf(c);
                    pendingDirection = c == '/' ? (byte)BondStereo.Up : c == '\\' ? (byte)BondStereo.Down : (byte)0;
                    pendingPosition = i;
                    i++;
                    break;

                case '%':
                case >= '0' and <= '9':
                {
                    int ringPosition = i;
                    if (last != Token.Atom && last != Token.Ring)
                    {
                        return new SmilesError(i, $"ring bond number without a preceding atom at position {i}");
                    }

                    var error = ReadRingNumber(ref i, out int number);
                    if (error is not null)
                    {
                        return error;
                    }

                    error = RingBond(previous, number, ringPosition, pendingOrder, pendingDirection);
                    if (error is not null)
                    {
                        return error;
                    }

                    pendingOrder = NoBond;
                    pendingDirection = 0;
                    pendingPosition = -1;
                    last = Token.Ring;
                    break;
                }

                case '(':
                    if (previous < 0 || last == Token.Start || last == Token.Dot || last == Token.BranchOpen)
                    {
                        return new SmilesError(i, $"branch without a preceding atom at position {i}");
                    }

                    if (pendingPosition >= 0)
                    {
                        return new SmilesError(pendingPosition, $"bond symbol before a branch at position {pendingPosition}");
                    }

                    branches.Push(previous);
                    branchPositions.Push(i);
                    last = Token.BranchOpen;
                    i++;
                    break;

                case ')':
                    if (branches.Count == 0)
                    {
                        return new SmilesError(i, $"unbalanced parenthesis at position {i}");
                    }

                    if (last == Token.BranchOpen)
                    {
                        return new SmilesError(i, $"empty branch at position {i}");
                    }

                    if (pendingPosition >= 0)
                    {
                        return new SmilesError(pendingPosition, $"bond symbol without a following atom at position {pendingPosition}");
                    }

                    if (last == Token.Dot)
                    {
                        return new SmilesError(i - 1, $"dot without a following atom at position {i - 1}");
                    }

                    previous = branches.Pop();
                    branchPositions.Pop();
                    last = Token.BranchClose;
                    i++;
                    break;

                case '.':
                    if (last == Token.Start || last == Token.Dot || last == Token.BranchOpen)
                    {
                        return new SmilesError(i, $"dot without a preceding atom at position {i}");
                    }

                    if (pendingPosition >= 0)
                    {
                        return new SmilesError(pendingPosition, $"bond symbol without a following atom at position {pendingPosition}");
                    }

                    previous = -1;
                    last = Token.Dot;
                    i++;
                    break;

                default:
                    return new SmilesError(i, $"unexpected character '{Printable(c)}' at position {i}");
            }
        }

        if (pendingPosition >= 0)
        {
            return new SmilesError(pendingPosition, $"bond symbol without a following atom at position {pendingPosition}");
        }

        if (last == Token.Dot)
        {
            return new SmilesError(end - 1, $"dot without a following atom at position {end - 1}");
        }

        if (branches.Count > 0)
        {
            int p = branchPositions.Peek();
            return new SmilesError(p, $"unbalanced parenthesis at position {p}");
        }

        if (openRings.Count > 0)
        {
            int firstNumber = 0, firstPosition = int.MaxValue;
            foreach (var (number, opening) in openRings)
            {
                if (opening.Position < firstPosition)
                {
                    firstPosition = opening.Position;
                    firstNumber = number;
                }
            }

            return new SmilesError(firstPosition, $"unclosed ring {firstNumber} at position {firstPosition}");
        }

        return null;
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

    private static byte BondOrderOf(char c) => c switch
    {
        '=' => 2,
        '#' => 3,
        '$' => 4,
        ':' => WorkingMolecule.AromaticOrder,
        _ => 1,
    };

    /// <summary>
    /// An unwritten bond is aromatic between two aromatic atoms, or between an aromatic atom and a wildcard (as in
    /// c1cc*cc1); otherwise single. The ring check later makes aromatic bonds outside rings single.
    /// </summary>
    private byte ImpliedOrder(int first, int second)
    {
        bool a = mol.WrittenAromatic[first], b = mol.WrittenAromatic[second];
        bool aromaticPair = (a && b)
            || (a && mol.AtomicNumber[second] == 0)
            || (b && mol.AtomicNumber[first] == 0);
        return aromaticPair ? WorkingMolecule.AromaticOrder : (byte)1;
    }

    /// <summary>An explicit ':' makes both atoms aromatic, as if written in lowercase (C1:C:C:C:C:C:1 is benzene).</summary>
    private void MarkWrittenAromatic(int first, int second)
    {
        if (mol.AtomicNumber[first] != 0)
        {
            mol.WrittenAromatic[first] = true;
        }

        if (mol.AtomicNumber[second] != 0)
        {
            mol.WrittenAromatic[second] = true;
        }
    }

    private void AddChainBond(int from, int to, byte order, byte direction)
    {
        if (order == NoBond)
        {
            order = ImpliedOrder(from, to);
        }
        else if (order == WorkingMolecule.AromaticOrder)
        {
            MarkWrittenAromatic(from, to);
        }

        int bond = mol.AddBond(from, to, order, direction);
        mol.AddSlot(from, bond);
        mol.AddSlot(to, bond);
    }

    private SmilesError? RingBond(int atom, int number, int position, byte order, byte direction)
    {
        if (!openRings.Remove(number, out var opening))
        {
            int slot = mol.AddSlot(atom, -1);
            openRings[number] = new RingOpening(atom, order, direction, position, slot);
            return null;
        }

        if (opening.Atom == atom)
        {
            return new SmilesError(position, $"ring bond to itself at position {position}");
        }

        for (int k = mol.FirstSlot[opening.Atom]; k >= 0; k = mol.NextSlot[k])
        {
            int b = mol.SlotBond[k];
            if (b >= 0 && mol.OtherAtom(b, opening.Atom) == atom)
            {
                return new SmilesError(position, $"ring bond {number} duplicates an existing bond at position {position}");
            }
        }

        byte finalOrder = opening.Order;
        byte finalDirection = opening.Direction;
        if (order != NoBond)
        {
            // Directional marks may legitimately differ on the two sides; orders may not.
            bool conflict = opening.Order != NoBond && opening.Order != order;
            if (conflict)
            {
                return new SmilesError(position, $"conflicting ring-bond orders for ring {number} at position {position}");
            }

            finalOrder = order;
            if (direction != 0 && opening.Direction == 0)
            {
                // Written at the closing atom, the mark reads from the closing atom to the opening one.
                finalDirection = direction == (byte)BondStereo.Up ? (byte)BondStereo.Down : (byte)BondStereo.Up;
            }
        }

        if (finalOrder == NoBond)
        {
            finalOrder = ImpliedOrder(opening.Atom, atom);
        }
        else if (finalOrder == WorkingMolecule.AromaticOrder)
        {
            MarkWrittenAromatic(opening.Atom, atom);
        }

        int bond = mol.AddBond(opening.Atom, atom, finalOrder, finalDirection);
        mol.SlotBond[opening.Slot] = bond;
        mol.AddSlot(atom, bond);
        return null;
    }

    private SmilesError? ReadRingNumber(ref int i, out int number)
    {
        number = 0;
        char c = text[i];
        if (c != '%')
        {
            number = c - '0';
            i++;
            return null;
        }

        int start = i;
        i++;
        if (i < end && text[i] == '(')
        {
            // RDKit's extension: %(n) with any number of digits.
            i++;
            int digits = 0;
            while (i < end && text[i] >= '0' && text[i] <= '9')
            {
                if (number > MaxRingNumber)
                {
                    return new SmilesError(start, $"ring bond number too large at position {start}");
                }

                number = number * 10 + (text[i] - '0');
                digits++;
                i++;
            }

            if (digits == 0 || i >= end || text[i] != ')')
            {
                return new SmilesError(start, $"bad ring bond number at position {start}");
            }

            i++;
            return null;
        }

        if (i + 1 < end && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]))
        {
            number = (text[i] - '0') * 10 + (text[i + 1] - '0');
            i += 2;
            return null;
        }

        return new SmilesError(start, $"'%' must be followed by two digits at position {start}");
    }

    private SmilesError? ParseOrganicAtom(ref int i, out int atom)
    {
        atom = -1;
        int position = i;
        char c = text[i];
        char next = i + 1 < end ? text[i + 1] : '\0';
        int z;
        bool aromatic = false;
        int length = 1;
        switch (c)
        {
            case '*': z = 0; break;
            case 'B': if (next == 'r') { z = 35; length = 2; } else { z = 5; } break;
            case 'C': if (next == 'l') { z = 17; length = 2; } else { z = 6; } break;
            case 'N': z = 7; break;
            case 'O': z = 8; break;
            case 'P': z = 15; break;
            case 'S': z = 16; break;
            case 'F': z = 9; break;
            case 'I': z = 53; break;
            case 'b': z = 5; aromatic = true; break;
            case 'c': z = 6; aromatic = true; break;
            case 'n': z = 7; aromatic = true; break;
            case 'o': z = 8; aromatic = true; break;
            case 'p': z = 15; aromatic = true; break;
            case 's': z = 16; aromatic = true; break;
            default:
                return UnknownOrganicAtom(position, c, next);
        }

        atom = mol.AddAtom(z, aromatic, bracket: false, position);
        i += length;
        return null;
    }

    private SmilesError UnknownOrganicAtom(int position, char c, char next)
    {
        // "Si" reads as S followed by a stray 'i': name the two-letter element instead.
        if (char.IsAsciiLetterLower(c) && position > 0 && char.IsAsciiLetterUpper(text[position - 1]))
        {
            Span<char> pair = [text[position - 1], c];
            if (ChemicalElements.AtomicNumber(pair) > 0)
            {
                return new SmilesError(position - 1, $"element '{pair.ToString()}' must be written in brackets at position {position - 1}");
            }
        }

        if (char.IsAsciiLetterUpper(c))
        {
            Span<char> two = [c, next];
            if (char.IsAsciiLetterLower(next) && ChemicalElements.AtomicNumber(two) > 0)
            {
                return new SmilesError(position, $"element '{c}{next}' must be written in brackets at position {position}");
            }

            Span<char> one = [c];
            return ChemicalElements.AtomicNumber(one) > 0
                ? new SmilesError(position, $"element '{c}' must be written in brackets at position {position}")
                : new SmilesError(position, $"unknown element '{c}' at position {position}");
        }

        return new SmilesError(position, $"unexpected character '{Printable(c)}' at position {position}");
    }

    private SmilesError? ParseBracketAtom(ref int i, out int atom)
    {
        atom = -1;
        int open = i;
        i++;

        // Isotope.
        int isotope = 0, digits = 0;
        while (i < end && char.IsAsciiDigit(text[i]))
        {
            if (digits == 4)
            {
                return new SmilesError(open + 1, $"isotope too large at position {open + 1}");
            }

            isotope = isotope * 10 + (text[i] - '0');
            digits++;
            i++;
        }

        if (i >= end)
        {
            return new SmilesError(open, $"unclosed bracket atom at position {open}");
        }

        // Element symbol.
        int symbolPosition = i;
        char c = text[i];
        char next = i + 1 < end ? text[i + 1] : '\0';
        int z;
        bool aromatic = false;
        if (c == '*')
        {
            z = 0;
            i++;
        }
        else if (char.IsAsciiLetterUpper(c))
        {
            Span<char> two = [c, next];
            int z2 = char.IsAsciiLetterLower(next) ? ChemicalElements.AtomicNumber(two) : -1;
            if (z2 > 0)
            {
                z = z2;
                i += 2;
            }
            else
            {
                Span<char> one = [c];
                z = ChemicalElements.AtomicNumber(one);
                if (z < 0)
                {
                    string shown = char.IsAsciiLetterLower(next) ? $"{c}{next}" : c.ToString();
                    return new SmilesError(symbolPosition, $"unknown element '{shown}' at position {symbolPosition}");
                }

                i++;
            }
        }
        else if (char.IsAsciiLetterLower(c))
        {
            z = AromaticBracketSymbol(c, next, out int length);
            if (z < 0)
            {
                string shown = char.IsAsciiLetterLower(next) ? $"{c}{next}" : c.ToString();
                return new SmilesError(symbolPosition, $"unknown element '{shown}' at position {symbolPosition}");
            }

            aromatic = true;
            i += length;
        }
        else if (c == ']')
        {
            return new SmilesError(symbolPosition, $"missing element symbol in bracket atom at position {symbolPosition}");
        }
        else
        {
            return new SmilesError(symbolPosition, $"unexpected character '{Printable(c)}' at position {symbolPosition}");
        }

        // Chirality.
        int chiral = 0;
        bool allene = false;
        if (i < end && text[i] == '@')
        {
            int chiralPosition = i;
            i++;
            if (i < end && text[i] == '@')
            {
                chiral = 1;
                i++;
            }
            else if (i + 1 < end && char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i + 1]))
            {
                var error = ReadChiralClass(ref i, chiralPosition, out chiral, out allene);
                if (error is not null)
                {
                    return error;
                }
            }
            else
            {
                chiral = 2;
            }
        }

        // Hydrogen count.
        int hydrogens = 0;
        if (i < end && text[i] == 'H')
        {
            i++;
            hydrogens = 1;
            if (i < end && char.IsAsciiDigit(text[i]))
            {
                hydrogens = text[i] - '0';
                i++;
                if (i < end && char.IsAsciiDigit(text[i]))
                {
                    return new SmilesError(i, $"hydrogen count too large at position {i}");
                }
            }
        }

        // Charge: + - ++ -- +2 -3.
        int charge = 0;
        if (i < end && (text[i] == '+' || text[i] == '-'))
        {
            int chargePosition = i;
            char sign = text[i];
            int unit = sign == '+' ? 1 : -1;
            i++;
            if (i < end && char.IsAsciiDigit(text[i]))
            {
                int magnitude = 0, chargeDigits = 0;
                while (i < end && char.IsAsciiDigit(text[i]))
                {
                    if (chargeDigits == 2)
                    {
                        return new SmilesError(chargePosition, $"charge too large at position {chargePosition}");
                    }

                    magnitude = magnitude * 10 + (text[i] - '0');
                    chargeDigits++;
                    i++;
                }

                charge = unit * magnitude;
            }
            else
            {
                charge = unit;
                while (i < end && text[i] == sign)
                {
                    charge += unit;
                    i++;
                    if (Math.Abs(charge) > 15)
                    {
                        return new SmilesError(chargePosition, $"charge too large at position {chargePosition}");
                    }
                }
            }

            if (Math.Abs(charge) > 15)
            {
                return new SmilesError(chargePosition, $"charge too large at position {chargePosition}");
            }
        }

        // Atom class.
        int atomClass = 0;
        if (i < end && text[i] == ':')
        {
            int classPosition = i;
            i++;
            int classDigits = 0;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                if (classDigits == 9)
                {
                    return new SmilesError(classPosition, $"atom class too large at position {classPosition}");
                }

                atomClass = atomClass * 10 + (text[i] - '0');
                classDigits++;
                i++;
            }

            if (classDigits == 0)
            {
                return new SmilesError(classPosition, $"atom class without digits at position {classPosition}");
            }
        }

        if (i >= end)
        {
            return new SmilesError(open, $"unclosed bracket atom at position {open}");
        }

        if (text[i] != ']')
        {
            return new SmilesError(i, $"unexpected character '{Printable(text[i])}' in bracket atom at position {i}");
        }

        i++;
        atom = mol.AddAtom(z, aromatic, bracket: true, symbolPosition);
        mol.Isotope[atom] = isotope;
        mol.Charge[atom] = charge;
        mol.ExplicitH[atom] = hydrogens;
        mol.Chiral[atom] = chiral;
        mol.ChiralIsAllene[atom] = allene;
        mol.AtomClass[atom] = atomClass;
        return null;
    }

    /// <summary>@TH1/@TH2 are @/@@; @AL, @SP, @TB and @OH are recorded as "other" (3).</summary>
    private SmilesError? ReadChiralClass(ref int i, int chiralPosition, out int chiral, out bool allene)
    {
        chiral = 0;
        allene = false;
        string cls = text.Substring(i, 2);
        int max = cls switch
        {
            "TH" => 2,
            "AL" => 2,
            "SP" => 3,
            "TB" => 20,
            "OH" => 30,
            _ => 0,
        };
        if (max == 0)
        {
            return new SmilesError(chiralPosition, $"unknown chirality class '@{cls}' at position {chiralPosition}");
        }

        i += 2;
        int value = 0, digits = 0;
        while (i < end && char.IsAsciiDigit(text[i]) && digits < 2)
        {
            value = value * 10 + (text[i] - '0');
            digits++;
            i++;
        }

        if (digits == 0 || value < 1 || value > max)
        {
            return new SmilesError(chiralPosition, $"bad chirality '@{cls}' at position {chiralPosition}");
        }

        if (cls == "TH")
        {
            chiral = value == 1 ? 2 : 1;
        }
        else
        {
            chiral = 3;
            allene = cls == "AL";
        }

        return null;
    }

    private static int AromaticBracketSymbol(char c, char next, out int length)
    {
        length = 2;
        switch (c, next)
        {
            case ('s', 'e'): return 34;
            case ('a', 's'): return 33;
            case ('t', 'e'): return 52;
            case ('s', 'i'): return 14;
        }

        length = 1;
        return c switch
        {
            'b' => 5,
            'c' => 6,
            'n' => 7,
            'o' => 8,
            'p' => 15,
            's' => 16,
            _ => -1,
        };
    }

    private readonly record struct RingOpening(int Atom, byte Order, byte Direction, int Position, int Slot);
}
