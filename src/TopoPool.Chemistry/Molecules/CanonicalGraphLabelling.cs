using System.Text;

namespace TopoPool.Chemistry;

/// <summary>
/// A canonical form for a labelled subgraph (atom label: element, aromatic flag, charge, hydrogens; bond label:
/// order):
/// colour refinement to a stable partition, then individualisation of each atom of the first non-singleton
/// class in turn, recursively, keeping the lexicographically smallest certificate over all discrete labellings.
/// The certificate lists every atom's label and its neighbours in canonical numbering, so it is a complete
/// description: equal certificates mean isomorphic graphs, and isomorphic graphs get equal certificates.
/// </summary>
internal sealed class CanonicalGraphLabelling
{
    private readonly int n;
    private readonly string[] labels;
    private readonly int[][] neighbours;
    private readonly int[][] neighbourBondCodes;
    private string? best;

    private CanonicalGraphLabelling(string[] labels, int[][] neighbours, int[][] neighbourBondCodes)
    {
        n = labels.Length;
        this.labels = labels;
        this.neighbours = neighbours;
        this.neighbourBondCodes = neighbourBondCodes;
    }

    /// <summary>The canonical key of the subgraph of <paramref name="molecule"/> made of the given atoms and bonds,
    /// with <paramref name="hydrogens"/>[i] hydrogens on <paramref name="atoms"/>[i].</summary>
    public static string Key(Molecule molecule, IReadOnlyList<int> atoms, IReadOnlyList<int> hydrogens, IReadOnlyList<int> bonds)
    {
        if (atoms.Count == 0)
        {
            return string.Empty;
        }

        var local = new Dictionary<int, int>(atoms.Count);
        var labels = new string[atoms.Count];
        for (int i = 0; i < atoms.Count; i++)
        {
            local[atoms[i]] = i;
            var atom = molecule.Atoms[atoms[i]];
            labels[i] = atom.Symbol
                + (atom.IsAromatic ? "a" : string.Empty)
                + (hydrogens[i] == 0 ? string.Empty : "H" + hydrogens[i])
                + (atom.FormalCharge == 0 ? string.Empty : atom.FormalCharge.ToString("+0;-0"));
        }

        var adjacency = new List<(int Other, int Code)>[atoms.Count];
        for (int i = 0; i < adjacency.Length; i++)
        {
            adjacency[i] = new List<(int, int)>();
        }

        foreach (int b in bonds)
        {
            var bond = molecule.Bonds[b];
            int x = local[bond.Begin], y = local[bond.End];
            int code = (int)bond.Order;
            adjacency[x].Add((y, code));
            adjacency[y].Add((x, code));
        }

        var neighbours = adjacency.Select(l => l.Select(e => e.Other).ToArray()).ToArray();
        var codes = adjacency.Select(l => l.Select(e => e.Code).ToArray()).ToArray();
        var labelling = new CanonicalGraphLabelling(labels, neighbours, codes);
        return labelling.Search();
    }

    private string Search()
    {
        // Initial colours: the atom label (ordinal order of the label strings gives a canonical order of colours).
        var distinct = labels.Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();
        var colours = new int[n];
        for (int i = 0; i < n; i++)
        {
            colours[i] = distinct.IndexOf(labels[i]);
        }

        Explore(Refine(colours));
        return best!;
    }

    private void Explore(int[] colours)
    {
        int cellColour = FirstNonSingletonColour(colours);
        if (cellColour < 0)
        {
            string certificate = Certificate(colours);
            if (best is null || string.CompareOrdinal(certificate, best) < 0)
            {
                best = certificate;
            }

            return;
        }

        for (int v = 0; v < n; v++)
        {
            if (colours[v] != cellColour)
            {
                continue;
            }

            // Individualise v: it keeps its colour, the rest of its cell moves just above it.
            var split = new int[n];
            for (int i = 0; i < n; i++)
            {
                split[i] = 2 * colours[i] + (colours[i] == cellColour && i != v ? 1 : 0);
            }

            Explore(Refine(Densify(split)));
        }
    }

    private static int FirstNonSingletonColour(int[] colours)
    {
        var counts = new int[colours.Length];
        foreach (int c in colours)
        {
            counts[c]++;
        }

        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 1)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>Colour refinement: split classes by the sorted (neighbour colour, bond order) lists until stable.
    /// New colours are ordered by (old colour, signature), so the result depends only on the input colours.</summary>
    private int[] Refine(int[] colours)
    {
        int classes = colours.Max() + 1;
        while (true)
        {
            var signatures = new (int Colour, string Signature, int Atom)[n];
            for (int v = 0; v < n; v++)
            {
                var around = new long[neighbours[v].Length];
                for (int k = 0; k < around.Length; k++)
                {
                    around[k] = ((long)colours[neighbours[v][k]] << 4) | (uint)neighbourBondCodes[v][k];
                }

                Array.Sort(around);
                signatures[v] = (colours[v], string.Join(",", around), v);
            }

            Array.Sort(signatures, static (x, y) =>
            {
                int c = x.Colour.CompareTo(y.Colour);
                return c != 0 ? c : string.CompareOrdinal(x.Signature, y.Signature);
            });
            var next = new int[n];
            int colour = 0;
            for (int i = 0; i < n; i++)
            {
                if (i > 0 && (signatures[i].Colour != signatures[i - 1].Colour || signatures[i].Signature != signatures[i - 1].Signature))
                {
                    colour++;
                }

                next[signatures[i].Atom] = colour;
            }

            int nextClasses = colour + 1;
            colours = next;
            if (nextClasses == classes)
            {
                return colours;
            }

            classes = nextClasses;
        }
    }

    private static int[] Densify(int[] values)
    {
        var sorted = values.Distinct().OrderBy(v => v).ToArray();
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = Array.BinarySearch(sorted, values[i]);
        }

        return result;
    }

    /// <summary>Atoms in colour order, each as label(sorted neighbour position:bond order list).</summary>
    private string Certificate(int[] colours)
    {
        var text = new StringBuilder();
        var atomAt = new int[n];
        for (int v = 0; v < n; v++)
        {
            atomAt[colours[v]] = v;
        }

        for (int position = 0; position < n; position++)
        {
            int v = atomAt[position];
            var around = new List<(int, int)>();
            for (int k = 0; k < neighbours[v].Length; k++)
            {
                around.Add((colours[neighbours[v][k]], neighbourBondCodes[v][k]));
            }

            around.Sort();
            if (position > 0)
            {
                text.Append(';');
            }

            text.Append(labels[v]).Append('(');
            for (int k = 0; k < around.Count; k++)
            {
                if (k > 0)
                {
                    text.Append(',');
                }

                text.Append(around[k].Item1).Append(':').Append(BondSymbol(around[k].Item2));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static char BondSymbol(int code) => code switch
    {
        1 => '-',
        2 => '=',
        3 => '#',
        4 => '$',
        _ => ':',
    };
}
