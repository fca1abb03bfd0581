namespace TopoPool.Chemistry.Tables;

/// <summary>An input that cannot be read at all; the message names the input and, where there is one, the position.</summary>
public sealed class MoleculeSourceException(string message) : Exception(message);
