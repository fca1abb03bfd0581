using TopoPool.Torch.Pooling;
using static TorchSharp.torch;

namespace TopoPool.Torch.Models;

/// <summary>
/// What a graph model returns: one prediction row per graph (log-probabilities for classification, values for
/// regression), the auxiliary loss of its pooling layer when it has one and it is switched on, and the pooling
/// layer's result (assignment, scores, cluster weights) for explanations, and the graph embedding the head read (one row
/// per graph: the readout's output).
/// </summary>
public sealed record ModelOutput(Tensor Prediction, Tensor? AuxiliaryLoss = null, PoolResult? Pooling = null, Tensor? Embedding = null);
