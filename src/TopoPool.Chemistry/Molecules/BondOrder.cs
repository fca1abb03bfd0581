namespace TopoPool.Chemistry;

/// <summary>The order of a bond. Aromatic bonds carry <see cref="Aromatic"/> after aromaticity perception.</summary>
public enum BondOrder
{
    Single = 1,
    Double = 2,
    Triple = 3,
    Quadruple = 4,
    Aromatic = 5,
}
