namespace TopoPool.Chemistry.Sdf;

/// <summary>
/// One connection table as written in a molfile (V2000 or V3000), before any chemistry: atoms with their element,
/// coordinates, charge, isotope, radical electrons, valence field and map number; bonds with their molfile type
/// (1 single, 2 double, 3 triple, 4 aromatic) and stereo code (0 none, 1 wedge, 3 either, 4 wavy, 6 hash).
/// Reused between records: <see cref="Reset"/> starts the next one.
/// </summary>
internal sealed class MolBlock
{
    public const int NoValence = -1;

    public int AtomCount;
    public int[] AtomicNumber = new int[64];
    public int[] Isotope = new int[64];
    public int[] Charge = new int[64];
    public int[] Radicals = new int[64];

    /// <summary>The total valence written in the atom's valence field, or <see cref="NoValence"/>.</summary>
    public int[] Valence = new int[64];

    public int[] MapNumber = new int[64];
    public double[] X = new double[64];
    public double[] Y = new double[64];
    public double[] Z = new double[64];

    /// <summary>The line of the record each atom was read from (1-based), for messages.</summary>
    public int[] AtomLine = new int[64];

    public int BondCount;
    public int[] BondBegin = new int[64];
    public int[] BondEnd = new int[64];
    public byte[] BondType = new byte[64];
    public byte[] BondStereo = new byte[64];

    /// <summary>The line of the record each bond was read from (1-based), for messages.</summary>
    public int[] BondLine = new int[64];

    /// <summary>Whether the header's second line says <c>3D</c>.</summary>
    public bool TaggedThreeDimensional;

    /// <summary>RDKit 2022.09 reads a conformer as 3D when the header says so or any z coordinate is not zero.</summary>
    public bool IsThreeDimensional
    {
        get
        {
            if (TaggedThreeDimensional)
            {
                return true;
            }

            for (int a = 0; a < AtomCount; a++)
            {
                if (Math.Abs(Z[a]) > 1e-4)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public void Reset()
    {
        AtomCount = 0;
        BondCount = 0;
        TaggedThreeDimensional = false;
    }

    public int AddAtom(int atomicNumber, double x, double y, double z, int line)
    {
        if (AtomCount == AtomicNumber.Length)
        {
            int size = AtomCount * 2;
            Array.Resize(ref AtomicNumber, size);
            Array.Resize(ref Isotope, size);
            Array.Resize(ref Charge, size);
            Array.Resize(ref Radicals, size);
            Array.Resize(ref Valence, size);
            Array.Resize(ref MapNumber, size);
            Array.Resize(ref X, size);
            Array.Resize(ref Y, size);
            Array.Resize(ref Z, size);
            Array.Resize(ref AtomLine, size);
        }

        int a = AtomCount++;
        AtomicNumber[a] = atomicNumber;
        Isotope[a] = 0;
        Charge[a] = 0;
        Radicals[a] = 0;
        Valence[a] = NoValence;
        MapNumber[a] = 0;
        X[a] = x;
        Y[a] = y;
        Z[a] = z;
        AtomLine[a] = line;
        return a;
    }

    public int AddBond(int begin, int end, byte type, byte stereo, int line)
    {
        if (BondCount == BondBegin.Length)
        {
            int size = BondCount * 2;
            Array.Resize(ref BondBegin, size);
            Array.Resize(ref BondEnd, size);
            Array.Resize(ref BondType, size);
            Array.Resize(ref BondStereo, size);
            Array.Resize(ref BondLine, size);
        }

        int b = BondCount++;
        BondBegin[b] = begin;
        BondEnd[b] = end;
        BondType[b] = type;
        BondStereo[b] = stereo;
        BondLine[b] = line;
        return b;
    }
}
