using System.Globalization;

namespace TopoPool.Chemistry.Proteins;

/// <summary>
/// The lines a reading had to skip: the first <see cref="MaximumListed"/> with their reasons, then only a count, so
/// that a file of millions of broken lines costs neither memory nor millions of warnings.
/// </summary>
internal sealed class PdbErrorLog
{
    /// <summary>How many problems are listed one by one.</summary>
    public const int MaximumListed = 1000;

    private readonly List<PdbError> listed = [];
    private int firstUnlistedLine;
    private int unlisted;

    public void Add(PdbError error)
    {
        if (listed.Count < MaximumListed)
        {
            listed.Add(error);
            return;
        }

        if (unlisted++ == 0)
        {
            firstUnlistedLine = error.Line;
        }
    }

    /// <summary>The listed problems, and one more naming the line where the unlisted ones begin and counting them.</summary>
    public IReadOnlyList<PdbError> ToList()
    {
        if (unlisted == 0)
        {
            return listed.ToArray();
        }

        string reason = unlisted == 1
            ? string.Create(CultureInfo.InvariantCulture, $"this line could not be read either (only the first {MaximumListed:N0} problems are listed one by one)")
            : string.Create(CultureInfo.InvariantCulture, $"this and {unlisted - 1:N0} more lines could not be read either ({unlisted:N0} past the first {MaximumListed:N0}, which are listed one by one)");
        return [.. listed, new PdbError(firstUnlistedLine, reason)];
    }
}
