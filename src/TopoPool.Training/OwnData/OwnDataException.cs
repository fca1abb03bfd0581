namespace TopoPool.Training.OwnData;

/// <summary>A table, its columns or the requested targets and splits cannot be used; the message names the input and what is wrong.</summary>
public sealed class OwnDataException(string message) : Exception(message);
