using TopoPool.Core;

namespace TopoPool.Chemistry.Featurization;

/// <summary>
/// The <c>rich</c> atom schema, 48 features: element one-hot over C N O S F Cl Br I P B Si Se plus "other" (13), degree
/// 0-5 with larger degrees in the last column (6), formal charge -2..+2 (5; other charges set no column), total
/// hydrogens 0-4 with more in the last column (5), hybridisation S SP SP2 SP3 SP3D SP3D2 plus "other" (7), aromatic
/// (1), in a ring (1), size of the smallest ring holding the atom 3-7 and 8 for eight or more (6; none outside rings),
/// chiral tag none / clockwise / counter-clockwise (3; RDKit's other tags set no column), atomic mass / 100 (1).
/// Hybridisation, ring size and mass need the whole molecule, so the features read an <see cref="AtomInMolecule"/>;
/// <see cref="Featurize(Molecule)"/>, <see cref="ToFeatureMatrix(Molecule)"/> and <see cref="ToGraph(Molecule)"/>
/// take the molecule as TDC's schema does.
/// </summary>
[AtomFeaturizer(typeof(AtomInMolecule))]
public static partial class RichAtomFeatures
{
    /// <summary>The schema's name, as model folders and <c>--schema</c> spell it.</summary>
    public const string SchemaName = "rich";

    /// <summary>RDKit's hybridisation types, as RDKit's sanitisation assigns them (<see cref="AtomInMolecule.Hybridization"/>).</summary>
    public enum AtomHybridization
    {
        /// <summary>A wildcard atom, more than six orbitals, or RDKit's SP2D (a square-planar tag).</summary>
        Unspecified = 0,
        S,
        SP,
        SP2,
        SP3,
        SP3D,
        SP3D2,
    }

    [OneHot(
        nameof(AtomInMolecule.Symbol),
        "C", "N", "O", "S", "F", "Cl", "Br", "I", "P", "B", "Si", "Se",
        Unknown = UnknownValues.ExtraSlot,
        UnknownName = "other")]
    public static partial FeatureSlot Element { get; }

    [OneHot(nameof(AtomInMolecule.Degree), 0, 1, 2, 3, 4, 5, Unknown = UnknownValues.LastSlot)]
    public static partial FeatureSlot Degree { get; }

    [OneHot(nameof(AtomInMolecule.FormalCharge), -2, -1, 0, 1, 2)]
    public static partial FeatureSlot FormalCharge { get; }

    [OneHot(nameof(AtomInMolecule.TotalHydrogens), 0, 1, 2, 3, 4, Unknown = UnknownValues.LastSlot)]
    public static partial FeatureSlot Hydrogens { get; }

    [OneHot(
        nameof(AtomInMolecule.Hybridization),
        AtomHybridization.S, AtomHybridization.SP, AtomHybridization.SP2, AtomHybridization.SP3, AtomHybridization.SP3D, AtomHybridization.SP3D2,
        Unknown = UnknownValues.ExtraSlot,
        UnknownName = "other")]
    public static partial FeatureSlot Hybridization { get; }

    [Flag(nameof(AtomInMolecule.IsAromatic))]
    public static partial FeatureSlot Aromatic { get; }

    [Flag(nameof(AtomInMolecule.IsInRing))]
    public static partial FeatureSlot InRing { get; }

    [OneHot(nameof(AtomInMolecule.SmallestRingSizeUpTo8), 3, 4, 5, 6, 7, 8)]
    public static partial FeatureSlot SmallestRing { get; }

    [OneHot(nameof(AtomInMolecule.ChiralTag), 0, 1, 2)]
    public static partial FeatureSlot ChiralTag { get; }

    [Scalar(nameof(AtomInMolecule.Mass), Scale = 0.01)]
    public static partial FeatureSlot Mass { get; }

    /// <summary>The features of every atom of the molecule, row-major: row i holds the <see cref="Width"/> features of atom i.</summary>
    public static float[] Featurize(Molecule molecule) => Featurize(AtomInMolecule.AllOf(molecule));

    /// <summary>The features of every atom of the molecule as a Core feature matrix.</summary>
    public static FeatureMatrix ToFeatureMatrix(Molecule molecule) => ToFeatureMatrix(AtomInMolecule.AllOf(molecule));

    /// <summary>The molecule as a Core graph whose node features are these features.</summary>
    public static Graph ToGraph(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        return molecule.ToGraph(ToFeatureMatrix(molecule));
    }

    /// <summary>
    /// One atom with the facts of it that depend on its molecule: RDKit's hybridisation, the smallest ring holding it
    /// and its mass. <see cref="AllOf"/> works them out for a whole molecule at once.
    /// </summary>
    public sealed class AtomInMolecule
    {
        private AtomInMolecule(Atom atom, AtomHybridization hybridization, int smallestRingSize)
        {
            Atom = atom;
            Hybridization = hybridization;
            SmallestRingSize = smallestRingSize;
        }

        public Atom Atom { get; }

        public string Symbol => Atom.Symbol;

        public int Degree => Atom.Degree;

        public int FormalCharge => Atom.FormalCharge;

        public int TotalHydrogens => Atom.TotalHydrogens;

        public bool IsAromatic => Atom.IsAromatic;

        public bool IsInRing => Atom.IsInRing;

        public int ChiralTag => Atom.ChiralTag;

        /// <summary>
        /// RDKit's sanitisation rule: a written tetrahedral tag on an atom with four neighbours and hydrogens is SP3;
        /// otherwise neighbours + hydrogens + lone pairs (+ radicals below an octet) orbitals give S (0 or 1), SP, SP2,
        /// SP3 (SP2 when at most three neighbours and hydrogens and a conjugated bond), SP3D, SP3D2. The tags read
        /// are those left after stereo clean-up, and RDKit's square-planar, bipyramidal and octahedral tags are one
        /// "other" tag here, taken as SP3D2 with six neighbours and hydrogens, SP3D with five.
        /// </summary>
        public AtomHybridization Hybridization { get; }

        /// <summary>The size of the smallest ring of <see cref="Molecule.Rings"/> holding the atom; 0 outside rings.</summary>
        public int SmallestRingSize { get; }

        /// <summary><see cref="SmallestRingSize"/> with every size of 8 or more as 8.</summary>
        public int SmallestRingSizeUpTo8 => Math.Min(SmallestRingSize, 8);

        /// <summary>
        /// The standard atomic weight (RDKit's periodic table: IUPAC values to three decimals, the mass number of the
        /// longest-lived isotope for elements without one); the mass number when an isotope is written (RDKit gives
        /// that isotope's exact mass, within 0.1 of it); 0 for a wildcard.
        /// </summary>
        public double Mass => Atom.Isotope > 0 ? Atom.Isotope : StandardAtomicWeights[Atom.AtomicNumber];

        /// <summary>Every atom of the molecule, in <see cref="Molecule.Atoms"/> order.</summary>
        public static IReadOnlyList<AtomInMolecule> AllOf(Molecule molecule)
        {
            ArgumentNullException.ThrowIfNull(molecule);
            int n = molecule.AtomCount;
            var result = new AtomInMolecule[n];
            if (n == 0)
            {
                return result;
            }

            var smallest = new int[n];
            foreach (IReadOnlyList<int> ring in molecule.Rings)
            {
                foreach (int a in ring)
                {
                    if (smallest[a] == 0 || ring.Count < smallest[a])
                    {
                        smallest[a] = ring.Count;
                    }
                }
            }

            WorkingMolecule mol = WorkingMolecule.From(molecule);
            for (int b = 0; b < mol.BondCount; b++)
            {
                if (mol.BondAromatic[b])
                {
                    mol.Order[b] = WorkingMolecule.AromaticOrder; // so that valences count aromatic bonds as 1.5
                }
            }

            var valence = new int[n];
            for (int a = 0; a < n; a++)
            {
                valence[a] = ValenceRules.MolfileExplicitValence(mol, a) + mol.ImplicitH[a];
                mol.Radicals[a] = Radicals(mol, a, valence[a]);
            }

            var conjugated = new bool[mol.BondCount];
            HybridizationRules.MarkConjugatedBonds(mol, conjugated);
            for (int a = 0; a < n; a++)
            {
                result[a] = new AtomInMolecule(molecule.Atoms[a], HybridizationOf(mol, a, valence[a], molecule.Atoms[a].ChiralTag, conjugated), smallest[a]);
            }

            return result;
        }

        public override string ToString() => $"{Atom} {Hybridization}";

        private static AtomHybridization HybridizationOf(WorkingMolecule mol, int atom, int valence, int chiralTag, bool[] conjugated)
        {
            int z = mol.AtomicNumber[atom];
            if (z == 0)
            {
                return AtomHybridization.Unspecified;
            }

            int coordination = mol.Degree(atom) + mol.TotalH(atom);
            switch (chiralTag)
            {
                case 1 or 2 when coordination == 4:
                    return AtomHybridization.SP3;
                case 3 when coordination == 6:
                    return AtomHybridization.SP3D2;
                case 3 when coordination == 5:
                    return AtomHybridization.SP3D;
            }

            int orbitals = coordination;
            if (z > 1 && z < 89) // RDKit counts no lone pairs on hydrogen or from actinium on
            {
                int outer = ChemicalElements.OuterElectrons[z];
                int charge = mol.Charge[atom];
                int free = outer - (valence + charge);
                int radicals = valence + outer - charge < 8 ? mol.Radicals[atom] : 0;
                orbitals += ((free - radicals) / 2) + radicals;
            }

            return orbitals switch
            {
                0 or 1 => AtomHybridization.S,
                2 => AtomHybridization.SP,
                3 => AtomHybridization.SP2,
                4 => coordination <= 3 && HasConjugatedBond(mol, atom, conjugated) ? AtomHybridization.SP2 : AtomHybridization.SP3,
                5 => AtomHybridization.SP3D,
                6 => AtomHybridization.SP3D2,
                _ => AtomHybridization.Unspecified,
            };
        }

        private static bool HasConjugatedBond(WorkingMolecule mol, int atom, bool[] conjugated)
        {
            for (int k = mol.AdjStart[atom]; k < mol.AdjStart[atom + 1]; k++)
            {
                if (conjugated[mol.AdjBond[k]])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// RDKit's radicals on an atom whose hydrogen count is fixed (one with no implicit hydrogens, as bracket atoms
        /// are): the electrons short of the octet (duet for H and He), or of the next listed valence of a hypervalent
        /// element, but no more than the outer electrons left over; none on elements with any valence (metals).
        /// The rule of <see cref="ValenceRules.AssignRadicals"/>, on valences that count aromatic bonds as 1.5.
        /// </summary>
        private static int Radicals(WorkingMolecule mol, int atom, int valence)
        {
            int z = mol.AtomicNumber[atom];
            int[] valences = ChemicalElements.Valences[z];
            if (z == 0 || mol.ImplicitH[atom] > 0 || (valences.Length == 1 && valences[0] < 0))
            {
                return 0;
            }

            int charge = mol.Charge[atom];
            int outer = ChemicalElements.OuterElectrons[z];
            int radicals = (z <= 2 ? 2 : 8) - outer - valence + charge;
            if (radicals < 0)
            {
                radicals = 0;
                if (valences.Length > 1)
                {
                    foreach (int v in valences)
                    {
                        if (v - valence + charge >= 0)
                        {
                            radicals = v - valence + charge;
                            break;
                        }
                    }
                }
            }

            int unbonded = outer - valence - charge;
            return unbonded >= 0 ? Math.Min(radicals, unbonded) : radicals;
        }

        // By atomic number, 0 (the wildcard) to 118.
        private static readonly double[] StandardAtomicWeights =
        [
            0.0, 1.008, 4.003, 6.941, 9.012, 10.812, 12.011, 14.007, 15.999, 18.998,
            20.18, 22.99, 24.305, 26.982, 28.086, 30.974, 32.067, 35.453, 39.948, 39.098,
            40.078, 44.956, 47.867, 50.942, 51.996, 54.938, 55.845, 58.933, 58.693, 63.546,
            65.39, 69.723, 72.61, 74.922, 78.96, 79.904, 83.8, 85.468, 87.62, 88.906,
            91.224, 92.906, 95.94, 98.0, 101.07, 102.906, 106.42, 107.868, 112.412, 114.818,
            118.711, 121.76, 127.6, 126.904, 131.29, 132.905, 137.328, 138.906, 140.116, 140.908,
            144.24, 145.0, 150.36, 151.964, 157.25, 158.925, 162.5, 164.93, 167.26, 168.934,
            173.04, 174.967, 178.49, 180.948, 183.84, 186.207, 190.23, 192.217, 195.078, 196.967,
            200.59, 204.383, 207.2, 208.98, 209.0, 210.0, 222.0, 223.0, 226.0, 227.0,
            232.038, 231.036, 238.029, 237.0, 244.0, 243.0, 247.0, 247.0, 251.0, 252.0,
            257.0, 258.0, 259.0, 262.0, 267.0, 268.0, 269.0, 270.0, 269.0, 278.0,
            281.0, 281.0, 285.0, 284.0, 289.0, 288.0, 293.0, 292.0, 294.0,
        ];
    }
}
