namespace TopoPool.Training.Experiments;

/// <summary>
/// Task <see cref="Index"/> of <see cref="Count"/> (0 &lt;= Index &lt; Count) of a grid split between the tasks of a job
/// array (Slurm <c>$SLURM_ARRAY_TASK_ID</c>, a Kubernetes Indexed Job's <c>$JOB_COMPLETION_INDEX</c>): it takes the
/// runs whose position in the grid's fixed order is <see cref="Index"/> modulo <see cref="Count"/>, so the tasks are
/// disjoint and together run the whole grid.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public bool Owns(int position) => position % Count == Index;

    /// <summary><c>K/N</c>, e.g. <c>3/8</c>.</summary>
    public static bool TryParse(string text, out Shard shard, out string? problem)
    {
        shard = default;
        problem = null;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int k) || !int.TryParse(parts[1], out int n))
        {
            problem = $"expected K/N (task K of N, 0 <= K < N), got '{text}'";
            return false;
        }
        if (n < 1 || k < 0 || k >= n)
        {
            problem = $"K/N needs 0 <= K < N and N >= 1, got '{text}'";
            return false;
        }
        shard = new Shard(k, n);
        return true;
    }

    public override string ToString() => $"{Index}/{Count}";
}
