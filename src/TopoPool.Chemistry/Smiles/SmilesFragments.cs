namespace TopoPool.Chemistry.Smiles;

/// <summary>The benchmark's fragment rule, applied to the SMILES text before reading it.</summary>
public static class SmilesFragments
{
    /// <summary>
    /// The longest '.'-separated piece of <paramref name="smiles"/> (the first of equally long ones), or the input
    /// itself when it has one fragment; a plain split on '.', as the benchmark's authors did.
    /// </summary>
    public static string Longest(string smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        int bestStart = 0, bestLength = -1, start = 0;
        for (int i = 0; i <= smiles.Length; i++)
        {
            char c = i < smiles.Length ? smiles[i] : '.';
            if (c == '.')
            {
                if (i - start > bestLength)
                {
                    bestStart = start;
                    bestLength = i - start;
                }

                start = i + 1;
            }
        }

        return bestStart == 0 && bestLength == smiles.Length ? smiles : smiles.Substring(bestStart, bestLength);
    }
}
