namespace TopoPool.Torch.Scatter;

/// <summary>Which kernel finds the maxima of <see cref="ScatterReduce.Max"/>; chosen by device unless a test forces one.</summary>
internal enum ScatterKernel
{
    /// <summary>Managed code for CPU tensors, the TorchScript kernel elsewhere.</summary>
    Auto,
    /// <summary>Managed code over the tensor's memory (the data is copied to the host first when it is elsewhere).</summary>
    Managed,
    /// <summary>TorchScript <c>scatter_reduce</c> on the tensor's own device.</summary>
    TorchScript,
}
