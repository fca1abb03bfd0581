using TopoPool.Core;

namespace TopoPool.Training.OwnData;

/// <summary>
/// A molecule of a user's table, ready to train on: its record number in the input, a name for messages, the prepared
/// graph, its SMILES and Bemis–Murcko scaffold key when known, and one value per target — the measured value for a
/// regression target, the class index for a classification target, NaN where the table has no value (masked out of
/// the loss and the metrics).
/// </summary>
public sealed record MoleculeSample(int Row, string Id, Graph Graph, string? Smiles, string ScaffoldKey, float[] Targets, string? SplitLabel = null);
