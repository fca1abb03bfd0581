using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace TopoPool.Torch.Reproducibility;

/// <summary>
/// Pins the numeric code paths libtorch chooses by CPU, so that a CPU run gives the same bits on every x86-64 machine
/// with AVX2 (an AMD EPYC and an Intel Xeon with AVX-512, say). libtorch picks its kernels at run time: ATen's
/// vectorised kernels by the widest instruction set it finds (AVX-512 on many Xeons, AVX2 on AMD EPYC Zen 2/3), and
/// the statically linked oneMKL its BLAS branch by CPU model (on AMD it was seen running <c>sgemm_kernel_0_zen</c>);
/// different kernels sum in different orders and give results that differ in the last bits, which training then
/// amplifies. Before libtorch initialises this sets, unless the user has set them already:
/// <list type="bullet">
/// <item><c>ATEN_CPU_CAPABILITY=avx2</c>: ATen's dispatch uses its AVX2 kernels even where AVX-512 exists;</item>
/// <item><c>MKL_CBWR=AVX2</c> (oneMKL's conditional numerical reproducibility) and <c>MKL_ENABLE_INSTRUCTIONS=AVX2</c>:
/// the same BLAS code branch on Intel and AMD;</item>
/// <item><c>ONEDNN_MAX_CPU_ISA=AVX2</c> (and its older name <c>DNNL_MAX_CPU_ISA</c>): oneDNN's JIT kernels, when an
/// operation reaches them, are generated for AVX2 at most.</item>
/// </list>
/// Together with one intra-op thread (the project's default, <c>--threads 1</c>) and seeded weights and shuffles, this
/// is what makes runs repeat across machines. On a CPU without AVX2 and FMA nothing is pinned (such a machine cannot
/// run the AVX2 kernels) and <see cref="State"/> says so. The variables must be in the native environment, which
/// .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on Unix, so they are set
/// with the C library's <c>setenv</c> (<c>_putenv_s</c> on Windows).
/// </summary>
/// <remarks>
/// The module initializer of this assembly calls <see cref="Pin"/>, so any program that uses TopoPool.Torch before
/// its first TorchSharp call is pinned; a program that calls TorchSharp first should call <see cref="Pin"/> at its
/// start. Set any of the variables yourself (to <c>avx512</c>, say) to choose otherwise; that is reported by
/// <see cref="State"/>.
/// </remarks>
public static class NumericReproducibility
{
    /// <summary>The variables and the values this class sets.</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings { get; } =
    [
        ("ATEN_CPU_CAPABILITY", "avx2"),
        ("MKL_CBWR", "COMPATIBLE"),
        ("MKL_ENABLE_INSTRUCTIONS", "AVX2"),
        ("ONEDNN_MAX_CPU_ISA", "AVX2"),
        ("DNNL_MAX_CPU_ISA", "AVX2"),
    ];

    private static readonly object Gate = new();
    private static string? state;

    /// <summary>True when the CPU can run the pinned AVX2 kernels.</summary>
    public static bool CpuSupportsAvx2 => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>
    /// What the process runs with, for logs and result files: <c>pinned: ATEN_CPU_CAPABILITY=avx2, MKL_CBWR=AVX2, ...</c>,
    /// naming any variable the user set to another value, or why nothing was pinned.
    /// </summary>
    public static string State
    {
        get
        {
            Pin();
            return state!;
        }
    }

    /// <summary>Sets the variables (once per process; later calls do nothing). Call before the first TorchSharp call.</summary>
    public static void Pin()
    {
        lock (Gate)
        {
            if (state is not null) return;
            if (!CpuSupportsAvx2)
            {
                state = "not pinned: this CPU lacks AVX2/FMA, so its kernels differ from those of AVX2 machines";
                return;
            }
            var parts = new List<string>();
            foreach (var (name, value) in Settings)
            {
                var existing = Environment.GetEnvironmentVariable(name);
                if (existing is not null)
                {
                    parts.Add(existing.Equals(value, StringComparison.OrdinalIgnoreCase) ? $"{name}={existing}" : $"{name}={existing} (set by the user)");
                    continue;
                }
                SetNative(name, value);
                Environment.SetEnvironmentVariable(name, value);
                parts.Add($"{name}={value}");
            }
            state = "pinned: " + string.Join(", ", parts);
        }
    }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "libtorch reads these variables once, at its first call; the library must set them before any of its own torch calls.")]
    internal static void PinOnLoad() => Pin();

    private static void SetNative(string name, string value)
    {
        int result = OperatingSystem.IsWindows() ? PutEnvWindows(name, value) : SetEnvUnix(name, value, 1);
        if (result != 0) throw new InvalidOperationException($"could not set {name} in the process environment (error {result})");
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnvUnix(string name, string value, int overwrite);

    [DllImport("ucrtbase", EntryPoint = "_putenv_s", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int PutEnvWindows(string name, string value);
}
