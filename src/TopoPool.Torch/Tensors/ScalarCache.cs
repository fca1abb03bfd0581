using System.Collections.Concurrent;
using TorchSharp;

namespace TopoPool.Torch.Tensors;

/// <summary>
/// Scalars that live as long as the process. TorchSharp converts a number passed to a tensor operation into a
/// <see cref="Scalar"/>, hands its native handle to libtorch and frees it in a finalizer; if a garbage collection
/// (started by another thread) runs while the native call still reads it, the call sees freed memory. Constants used
/// on hot paths come from here instead; a value that changes from call to call is created with
/// <c>using var s = value.ToScalar();</c> so that it stays alive until the call has returned.
/// </summary>
internal static class ScalarCache
{
    private static readonly ConcurrentDictionary<double, Scalar> Doubles = new();
    private static readonly ConcurrentDictionary<long, Scalar> Longs = new();

    public static readonly Scalar Zero = Of(0L);
    public static readonly Scalar One = Of(1L);
    public static readonly Scalar MinusOne = Of(-1L);

    /// <summary>The scalar for a constant; call it only with a few distinct values (the cache never shrinks).</summary>
    public static Scalar Of(double value) => Doubles.GetOrAdd(value, v => v.ToScalar());

    /// <summary>The scalar for an integer constant; call it only with a few distinct values.</summary>
    public static Scalar Of(long value) => Longs.GetOrAdd(value, v => v.ToScalar());
}
