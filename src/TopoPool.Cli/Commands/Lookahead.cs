using System.Collections;

namespace TopoPool.Cli.Commands;

/// <summary>
/// A sequence enumerated one item ahead, so that while the first item is handled it is already known whether it is the
/// only one (<see cref="IsSingle"/>), without reading the whole input first. Enumerate once.
/// </summary>
internal sealed class Lookahead<T>(IEnumerable<T> items) : IEnumerable<T>, IDisposable
{
    private readonly IEnumerator<T> source = items.GetEnumerator();

    /// <summary>True once the first item is out and there is no second one.</summary>
    public bool IsSingle { get; private set; }

    public IEnumerator<T> GetEnumerator()
    {
        if (!source.MoveNext())
        {
            yield break;
        }

        T current = source.Current;
        bool more = source.MoveNext();
        IsSingle = !more;
        yield return current;
        while (more)
        {
            current = source.Current;
            more = source.MoveNext();
            yield return current;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => source.Dispose();
}
