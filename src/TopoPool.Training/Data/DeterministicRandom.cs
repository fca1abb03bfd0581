namespace TopoPool.Training.Data;

/// <summary>
/// The random number generator behind every split and the synthetic dataset: the same seed gives the same
/// numbers on every machine, .NET version and run (unlike <see cref="Random"/>, whose seeded sequence is not a
/// documented contract).
/// </summary>
/// <remarks>
/// Algorithm: xoshiro256** (Blackman and Vigna, 2018), its four 64-bit words of state filled by SplitMix64 from the
/// seed (sign-extended to 64 bits). Integers in a range use Lemire's multiply-and-reject method, so they are
/// unbiased; doubles take the top 53 bits. <see cref="Shuffle{T}(IList{T})"/> is the Fisher–Yates shuffle walking
/// from the last position down, swapping position <c>i</c> with <c>NextInt(i + 1)</c>. These choices are part of
/// the contract: changing them changes every split, so they are pinned by tests.
/// </remarks>
public sealed class DeterministicRandom
{
    private ulong s0, s1, s2, s3;

    public DeterministicRandom(int seed)
    {
        ulong x = unchecked((ulong)(long)seed);
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            return Step();
        }
    }

    private ulong Step()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in <c>0 .. exclusiveMax - 1</c>; <paramref name="exclusiveMax"/> must be positive.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveMax, 1);
        ulong range = (ulong)exclusiveMax;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = unchecked(0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }

        return (int)(ulong)(product >> 64);
    }

    /// <summary>A uniform integer in <c>inclusiveMin .. inclusiveMax</c>.</summary>
    public int NextInt(int inclusiveMin, int inclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inclusiveMax, inclusiveMin);
        return inclusiveMin + NextInt(inclusiveMax - inclusiveMin + 1);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates, from the last position down).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The numbers <c>0 .. count - 1</c> in a random order.</summary>
    public int[] Permutation(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Shuffle(order);
        return order;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
