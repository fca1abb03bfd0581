namespace TopoPool.Training.Data;

/// <summary>How many graphs the TU protocol puts into the test part and into the validation part.</summary>
public enum SplitRounding
{
    /// <summary>
    /// The authors' rule (their <c>utils/preprocess.py</c>): <c>(n + 9) // 10</c>, a tenth rounded up. MUTAG (188):
    /// 19 test, 19 validation, 150 train; PROTEINS (1,113): 112, 112, 889; ENZYMES (600): 60, 60, 480. The benchmark's default.
    /// </summary>
    TenthRoundedUp = 0,

    /// <summary><c>n // 10</c>, a tenth rounded down (MUTAG 18/18/152, PROTEINS 111/111/891): this project's rule before it
    /// followed the authors.</summary>
    TenthRoundedDown = 1,
}
