namespace TopoPool.Depiction;

/// <summary>
/// A stereo bond drawn as a wedge from <see cref="Centre"/> (the narrow end, the stereocentre) to
/// <see cref="Neighbour"/> (the wide end): solid when the neighbour points toward the viewer, hashed when it points
/// away.
/// </summary>
public readonly record struct DepictionWedge(int Centre, int Neighbour, bool Hashed);
