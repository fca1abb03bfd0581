namespace TopoPool.Training.Data;

/// <summary>The motif planted in a graph of the synthetic set; its value is the graph's class index.</summary>
public enum MotifKind
{
    /// <summary>A square with a triangular roof: 5 nodes, 6 edges.</summary>
    House = 0,

    /// <summary>A ring of 5 or 6 nodes.</summary>
    Cycle = 1,

    /// <summary>A 2×3 or 3×3 lattice.</summary>
    Grid = 2,

    /// <summary>A hub joined to every node of a ring of 5 or 6 (6 or 7 nodes).</summary>
    Wheel = 3,

    /// <summary>A centre joined to 5 or 6 leaves (6 or 7 nodes).</summary>
    Star = 4,
}
