namespace TopoPool.Chemistry;

/// <summary>Directional single-bond marks of SMILES: <c>/</c> is <see cref="Up"/>, <c>\</c> is <see cref="Down"/>,
/// read from the bond's <see cref="Bond.Begin"/> atom to its <see cref="Bond.End"/> atom.</summary>
public enum BondStereo
{
    None = 0,
    Up = 1,
    Down = 2,
}
