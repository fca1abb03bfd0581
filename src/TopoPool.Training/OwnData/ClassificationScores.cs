namespace TopoPool.Training.OwnData;

/// <summary>Accuracy (argmax), ROC-AUC and PR-AUC of one classification target's class probabilities.</summary>
public sealed record ClassificationScores(double Accuracy, double RocAuc, double PrAuc)
{
    public static ClassificationScores Compute(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> classes, int width)
    {
        if (classes.Count == 0) return new(double.NaN, double.NaN, double.NaN);
        int correct = 0;
        for (int i = 0; i < classes.Count; i++)
        {
            int best = 0;
            for (int k = 1; k < width; k++) if (probabilities[i][k] > probabilities[i][best]) best = k;
            if (best == classes[i]) correct++;
        }
        return new((double)correct / classes.Count, double.NaN, double.NaN); // AUCs: wired to Training/Metrics when it lands
    }
}
