using System.Globalization;
using System.Text;
using TopoPool.Chemistry;

namespace TopoPool.Training.Reports;

/// <summary>
/// A SMILES string for some atoms of a molecule and the bonds among them — a cluster's substructure, as RDKit's
/// fragment SMILES gives it: each atom written as in the whole molecule (aromatic atoms stay lower case even when the
/// cluster cuts their ring, a bracket atom keeps its hydrogen count and charge), bonds to atoms outside left out,
/// pieces that are not connected joined by '.'. Depth-first from the lowest atom index, neighbours in ascending
/// index order, ring-closure digits reused from the lowest; stereo marks are not written.
/// </summary>
public static class SubstructureSmiles
{
    private static readonly HashSet<string> OrganicSubset = ["B", "C", "N", "O", "P", "S", "F", "Cl", "Br", "I"];
    private static readonly HashSet<string> AromaticOrganicSubset = ["B", "C", "N", "O", "P", "S"];

    public static string Write(Molecule molecule, IEnumerable<int> atoms)
    {
        var inside = new SortedSet<int>(atoms);
        if (inside.Count > 0 && (inside.Min < 0 || inside.Max >= molecule.AtomCount))
            throw new ArgumentOutOfRangeException(nameof(atoms), $"atom indices must lie in 0..{molecule.AtomCount - 1}");
        var walk = new Walk(molecule, inside);
        var pieces = new List<string>();
        foreach (int start in inside)
        {
            if (walk.Order.ContainsKey(start)) continue;
            walk.Visit(start, -1);
            var text = new StringBuilder();
            walk.Write(start, -1, text);
            pieces.Add(text.ToString());
        }
        return string.Join(".", pieces);
    }

    /// <summary>One depth-first walk: first the spanning trees and ring bonds, then the text.</summary>
    private sealed class Walk(Molecule molecule, SortedSet<int> inside)
    {
        public Dictionary<int, int> Order { get; } = [];
        private readonly Dictionary<int, List<(int Atom, int Bond)>> children = [];
        private readonly Dictionary<int, List<int>> ringBondsAt = [];
        private readonly Dictionary<int, int> digitOf = [];
        private readonly SortedSet<int> freeDigits = new(Enumerable.Range(1, 99));

        public void Visit(int atom, int fromBond)
        {
            Order[atom] = Order.Count;
            children[atom] = [];
            foreach (var (neighbour, bond) in Neighbours(atom))
            {
                if (bond == fromBond) continue;
                if (!Order.ContainsKey(neighbour))
                {
                    children[atom].Add((neighbour, bond));
                    Visit(neighbour, bond);
                }
                else if (Order[neighbour] < Order[atom])
                {
                    // A bond back to an atom written earlier closes a ring: a digit there and here.
                    Add(ringBondsAt, neighbour, bond);
                    Add(ringBondsAt, atom, bond);
                }
            }
        }

        public void Write(int atom, int fromBond, StringBuilder text)
        {
            if (fromBond >= 0) text.Append(BondSymbol(molecule.Bonds[fromBond]));
            text.Append(AtomText(molecule.Atoms[atom]));
            var closed = new List<int>();
            foreach (int bond in ringBondsAt.GetValueOrDefault(atom, []))
            {
                if (digitOf.TryGetValue(bond, out int digit))
                {
                    closed.Add(digit);
                }
                else
                {
                    digit = freeDigits.Min;
                    freeDigits.Remove(digit);
                    digitOf[bond] = digit;
                    text.Append(BondSymbol(molecule.Bonds[bond]));
                }
                text.Append(digit < 10 ? digit.ToString(CultureInfo.InvariantCulture) : "%" + digit.ToString(CultureInfo.InvariantCulture));
            }
            // Digits closed here are free again only after this atom, so that one atom never closes and opens the same digit.
            foreach (int digit in closed) freeDigits.Add(digit);
            var branches = children[atom];
            for (int i = 0; i < branches.Count; i++)
            {
                bool last = i == branches.Count - 1;
                if (!last) text.Append('(');
                Write(branches[i].Atom, branches[i].Bond, text);
                if (!last) text.Append(')');
            }
        }

        private IEnumerable<(int Atom, int Bond)> Neighbours(int atom)
        {
            var list = new List<(int Atom, int Bond)>();
            var bonds = molecule.BondsOf(atom);
            var atoms = molecule.NeighboursOf(atom);
            for (int k = 0; k < bonds.Length; k++)
                if (inside.Contains(atoms[k])) list.Add((atoms[k], bonds[k]));
            return list.OrderBy(n => n.Atom);
        }

        private string BondSymbol(Bond bond)
        {
            bool aromaticEnds = molecule.Atoms[bond.Begin].IsAromatic && molecule.Atoms[bond.End].IsAromatic;
            return bond.Order switch
            {
                BondOrder.Single => aromaticEnds ? "-" : "",
                BondOrder.Double => "=",
                BondOrder.Triple => "#",
                BondOrder.Quadruple => "$",
                BondOrder.Aromatic => aromaticEnds ? "" : ":",
                _ => "",
            };
        }

        private static void Add(Dictionary<int, List<int>> map, int key, int value)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(value);
        }
    }

    private static string AtomText(Atom atom)
    {
        if (atom.Symbol == "*") return "*";
        string symbol = atom.IsAromatic ? atom.Symbol.ToLowerInvariant() : atom.Symbol;
        bool plain = atom.FormalCharge == 0 && atom.Isotope == 0 && atom.ExplicitHydrogens == 0
            && (atom.IsAromatic ? AromaticOrganicSubset : OrganicSubset).Contains(atom.Symbol);
        if (plain) return symbol;
        var text = new StringBuilder("[");
        if (atom.Isotope != 0) text.Append(atom.Isotope.ToString(CultureInfo.InvariantCulture));
        text.Append(symbol);
        if (atom.TotalHydrogens > 0) text.Append('H').Append(atom.TotalHydrogens > 1 ? atom.TotalHydrogens.ToString(CultureInfo.InvariantCulture) : "");
        if (atom.FormalCharge != 0)
        {
            text.Append(atom.FormalCharge > 0 ? '+' : '-');
            if (Math.Abs(atom.FormalCharge) > 1) text.Append(Math.Abs(atom.FormalCharge).ToString(CultureInfo.InvariantCulture));
        }
        return text.Append(']').ToString();
    }
}
