using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Torch.Tensors;

/// <summary>
/// Moves small index and score tensors between the device and managed memory for the managed kernels.
/// Every tensor made here belongs to the caller's dispose scope.
/// </summary>
internal static class HostTensors
{
    /// <summary>A CPU, contiguous, detached tensor with the values of <paramref name="tensor"/> as <paramref name="type"/>.
    /// It may share memory with the input: read it, never write it. Keep it alive while a span over it is in use.</summary>
    public static Tensor OnHost(Tensor tensor, ScalarType type)
    {
        var host = tensor.detach();
        if (host.device_type != DeviceType.CPU) host = host.cpu();
        if (host.dtype != type) host = host.to_type(type);
        if (!host.is_contiguous()) host = host.contiguous();
        return host;
    }

    /// <summary>The elements of a CPU, contiguous tensor (see <see cref="OnHost"/>).</summary>
    public static Span<T> Span<T>(Tensor host) where T : unmanaged => MemoryMarshal.Cast<byte, T>(host.bytes);

    /// <summary>A new int64 tensor on <paramref name="device"/> holding <paramref name="values"/>, with the given shape
    /// (one dimension when <paramref name="shape"/> is empty).</summary>
    public static Tensor FromSpan(ReadOnlySpan<long> values, Device device, params long[] shape)
    {
        var host = empty(shape.Length == 0 ? new long[] { values.Length } : shape, ScalarType.Int64);
        values.CopyTo(Span<long>(host));
        return device.type == DeviceType.CPU ? host : host.to(device);
    }

    /// <summary>As <see cref="FromSpan(ReadOnlySpan{long}, Device, long[])"/>, from int32 values widened to int64.</summary>
    public static Tensor FromSpan(ReadOnlySpan<int> values, Device device, params long[] shape)
    {
        var host = empty(shape.Length == 0 ? new long[] { values.Length } : shape, ScalarType.Int64);
        var target = Span<long>(host);
        for (int i = 0; i < values.Length; i++) target[i] = values[i];
        return device.type == DeviceType.CPU ? host : host.to(device);
    }
}
