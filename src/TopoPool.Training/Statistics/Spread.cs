namespace TopoPool.Training.Statistics;

/// <summary>Mean and population standard deviation (divided by n, as the paper reports its seeds' spread).</summary>
internal static class Spread
{
    /// <summary>The mean, NaN for no values.</summary>
    public static double Mean(IEnumerable<double> values)
    {
        var list = values as IReadOnlyCollection<double> ?? values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    /// <summary>The population standard deviation, NaN for no values, 0 for one.</summary>
    public static double PopulationStd(IEnumerable<double> values)
    {
        var list = values as IReadOnlyCollection<double> ?? values.ToList();
        if (list.Count == 0) return double.NaN;
        double mean = list.Average();
        return Math.Sqrt(list.Average(v => (v - mean) * (v - mean)));
    }
}
