namespace TopoPool.Testing

open System
open System.Globalization
open System.IO
open System.Text

/// What `SyntheticPdb` writes: how many residues, how they are split into chains, how tightly they are packed,
/// and how many water molecules (HETATM records without a C-alpha) are added.
type SyntheticProtein =
    { /// Residues in all, over every chain.
      Residues: int
      /// Residues per chain (at most 9,999, the widest residue number a PDB file can hold); chains are A-Z, a-z, 0-9.
      ChainLength: int
      /// The volume each residue gets, in cubic ångström: every chain folds inside one shared sphere of
      /// `Residues × VolumePerResidue`. Folded proteins have about 135; below 27 is denser than C-alpha atoms
      /// can pack (and the reader refuses it).
      VolumePerResidue: float
      /// HETATM water molecules (HOH, oxygen only) scattered through the sphere.
      Waters: int
      Seed: int }

    /// A globular protein of `residues` in chains of 1,000 at the density of folded proteins, without waters.
    static member Globule(residues: int) =
        { Residues = residues; ChainLength = 1000; VolumePerResidue = 135.0; Waters = 0; Seed = 1 }

    /// Any protein, for C# callers (who cannot write F# record expressions).
    static member Create(residues: int, chainLength: int, volumePerResidue: float, waters: int, seed: int) =
        { Residues = residues; ChainLength = chainLength; VolumePerResidue = volumePerResidue; Waters = waters; Seed = seed }

/// <summary>
/// Synthetic PDB files for tests and benchmarks, written in memory from a seed (no megabytes of committed data): each
/// chain runs along a plausible backbone — alpha-helix segments (1.5 Å rise, 100° per residue, 2.3 Å radius) joined
/// by random-walk coil, every C-alpha 3.8 Å from the next — folded into a sphere sized by
/// <c>VolumePerResidue</c>. Every residue has the backbone atoms N, CA, C, O and, unless it is a glycine, a CB.
/// </summary>
[<AbstractClass; Sealed>]
type SyntheticPdb private () =
    static let residueNames = [| "ALA"; "GLY"; "SER"; "LEU"; "LYS"; "GLU"; "VAL"; "ASP"; "THR"; "PHE"; "ARG"; "ILE" |]
    static let chainIds = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    static let step = 3.8

    static let randomUnit (rng: Random) =
        let u = (2.0 * rng.NextDouble()) - 1.0
        let t = 2.0 * Math.PI * rng.NextDouble()
        let s = sqrt (1.0 - (u * u))
        (s * cos t, s * sin t, u)

    static let add (x, y, z) (a, b, c) = (x + a, y + b, z + c)
    static let scale k (x, y, z) = (k * x, k * y, k * z)
    static let norm (x, y, z) = sqrt ((x * x) + (y * y) + (z * z))
    static let cross (a, b, c) (x, y, z) = ((b * z) - (c * y), (c * x) - (a * z), (a * y) - (b * x))
    static let unit v = let l = norm v in if l < 1e-12 then (1.0, 0.0, 0.0) else scale (1.0 / l) v

    /// C-alpha positions of one chain: helix segments and coil steps, each step kept inside the sphere.
    static let chain (rng: Random) (length: int) (radius: float) =
        let points = ResizeArray<float * float * float>(length)
        let inside p = norm p <= radius
        let start () = scale (radius * Math.Cbrt(rng.NextDouble())) (randomUnit rng)
        points.Add(start ())
        let mutable helixLeft = 0
        let mutable axis = (0.0, 0.0, 1.0)
        let mutable across = (1.0, 0.0, 0.0)
        let mutable centre = (0.0, 0.0, 0.0)
        let mutable turn = 0
        while points.Count < length do
            let last = points.[points.Count - 1]
            let mutable next = None
            if helixLeft > 0 then
                // The next point of an ideal helix about `centre` + t·axis: rise 1.5 Å, 100°, radius 2.3 Å (3.83 Å apart).
                turn <- turn + 1
                let angle = float turn * (100.0 * Math.PI / 180.0)
                let side = cross axis across
                let p = add (add centre (scale (1.5 * float turn) axis)) (add (scale (2.3 * cos angle) across) (scale (2.3 * sin angle) side))
                if inside p then next <- Some p
                helixLeft <- helixLeft - 1
            if next.IsNone then
                helixLeft <- 0
                let mutable tries = 0
                while next.IsNone && tries < 20 do
                    let p = add last (scale step (randomUnit rng))
                    if inside p then next <- Some p
                    tries <- tries + 1
                if next.IsNone then next <- Some(add last (scale step (unit (scale -1.0 last))))
                if rng.NextDouble() < 0.15 then
                    // Start a helix of 8-20 residues here, about a random axis.
                    axis <- randomUnit rng
                    across <- unit (cross axis (randomUnit rng))
                    centre <- add next.Value (scale -2.3 across)
                    turn <- 0
                    helixLeft <- 8 + rng.Next 13
            points.Add(next.Value)
        points

    static let atomLine (text: StringBuilder) (record: string) serial (name: string) (residue: string) (chainId: char) number (x: float, y: float, z: float) (element: string) =
        let atomName = if name.Length < 4 then " " + name else name
        text.Append(String.Format(CultureInfo.InvariantCulture, "{0,-6}{1,5} {2,-4} {3,3} {4}{5,4}    {6,8:F3}{7,8:F3}{8,8:F3}  1.00  0.00          {9,2}\n",
                                  record, serial % 100000, atomName, residue, chainId, number, x, y, z, element)) |> ignore

    /// The radius of the sphere that gives `protein.Residues` residues `protein.VolumePerResidue` Å³ each.
    static member SphereRadius(protein: SyntheticProtein) =
        Math.Cbrt(3.0 * float (max 1 protein.Residues) * protein.VolumePerResidue / (4.0 * Math.PI))

    /// The PDB text of `protein`: a HEADER, the chains (each ended by TER), the waters, END.
    static member Text(protein: SyntheticProtein) =
        if protein.ChainLength < 1 || protein.ChainLength > 9999 then invalidArg "protein" "ChainLength must be 1..9999"
        if protein.Residues > protein.ChainLength * chainIds.Length then invalidArg "protein" "too many residues for 62 chains of ChainLength"
        let rng = Random(protein.Seed)
        let radius = SyntheticPdb.SphereRadius protein
        let text = StringBuilder(protein.Residues * 5 * 81 + protein.Waters * 81 + 200)
        text.Append("HEADER    SYNTHETIC PROTEIN                       01-JAN-25   SYNT              \n") |> ignore
        let mutable serial = 1
        let mutable placed = 0
        let mutable chainIndex = 0
        while placed < protein.Residues do
            let length = min protein.ChainLength (protein.Residues - placed)
            let chainId = chainIds.[chainIndex]
            let alphas = chain rng length radius
            for i in 0 .. length - 1 do
                let ca = alphas.[i]
                let forward = if i + 1 < length then unit (add alphas.[i + 1] (scale -1.0 ca)) elif i > 0 then unit (add ca (scale -1.0 alphas.[i - 1])) else (1.0, 0.0, 0.0)
                let side = unit (cross forward (randomUnit rng))
                let name = residueNames.[(i * 7 + chainIndex) % residueNames.Length]
                let number = i + 1
                // N behind the C-alpha, C ahead of it, O off the C, CB to the side: bond lengths of a real backbone.
                atomLine text "ATOM" serial "N" name chainId number (add ca (add (scale -1.2 forward) (scale 0.8 side))) "N"
                atomLine text "ATOM" (serial + 1) "CA" name chainId number ca "C"
                let c = add ca (add (scale 1.3 forward) (scale 0.7 side))
                atomLine text "ATOM" (serial + 2) "C" name chainId number c "C"
                atomLine text "ATOM" (serial + 3) "O" name chainId number (add c (scale 1.23 side)) "O"
                serial <- serial + 4
                if name <> "GLY" then
                    atomLine text "ATOM" serial "CB" name chainId number (add ca (scale -1.53 side)) "C"
                    serial <- serial + 1
            text.Append(String.Format(CultureInfo.InvariantCulture, "TER   {0,5}      {1,3} {2}{3,4}\n", serial % 100000, residueNames.[((length - 1) * 7 + chainIndex) % residueNames.Length], chainId, length)) |> ignore
            serial <- serial + 1
            placed <- placed + length
            chainIndex <- chainIndex + 1
        for w in 0 .. protein.Waters - 1 do
            let p = scale (radius * Math.Cbrt(rng.NextDouble())) (randomUnit rng)
            atomLine text "HETATM" serial "O" "HOH" 'W' (w % 9999 + 1) p "O"
            serial <- serial + 1
        text.Append("END\n") |> ignore
        text.ToString()

    /// Writes `SyntheticPdb.Text protein` to `path` and returns the path.
    static member Write(path: string, protein: SyntheticProtein) =
        File.WriteAllText(path, SyntheticPdb.Text protein)
        path
