namespace TopoPool.Training.Statistics;

/// <summary>Quantiles of Student's t distribution, for confidence intervals of small samples.</summary>
public static class StudentT
{
    // The 0.975 quantile for 1..30 degrees of freedom (standard tables, 3 decimals suffice for reporting intervals).
    private static readonly double[] Quantile975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>t such that P(T &lt;= t) = 0.975 with <paramref name="degreesOfFreedom"/> degrees of freedom (two-sided 95%).</summary>
    public static double TwoSided95(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Quantile975.Length) return Quantile975[degreesOfFreedom - 1];
        // Cornish–Fisher expansion around the normal quantile; within 0.001 of the exact value above 30.
        const double z = 1.959964;
        double v = degreesOfFreedom;
        return z + (z * z * z + z) / (4 * v) + (5 * Math.Pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v);
    }
}
