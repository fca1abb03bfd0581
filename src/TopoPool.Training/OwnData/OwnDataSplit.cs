using TopoPool.Training.Data;

namespace TopoPool.Training.OwnData;

/// <summary>The training, validation and test molecules of one seed of a user's table.</summary>
public sealed record OwnDataSplit(IReadOnlyList<MoleculeSample> Train, IReadOnlyList<MoleculeSample> Validation, IReadOnlyList<MoleculeSample> Test)
{
    /// <summary>
    /// The parts for <paramref name="seed"/>. With a <paramref name="splitColumn"/> the records' own labels decide
    /// (<c>train</c>; <c>val</c>, <c>valid</c>, <c>validation</c>; <c>test</c>, any letter case); with a fixed
    /// <paramref name="test"/> set the table is divided into training and validation in the ratio of the first two
    /// <paramref name="sizes"/>; otherwise by <paramref name="method"/> into the three sizes.
    /// </summary>
    public static OwnDataSplit Make(IReadOnlyList<MoleculeSample> samples, SplitMethod method, IReadOnlyList<double> sizes, int seed,
                                    IReadOnlyList<MoleculeSample>? test = null, bool splitColumn = false, string source = "the table")
    {
        if (splitColumn)
        {
            var parts = samples.GroupBy(s => Part(s, source)).ToDictionary(g => g.Key, g => (IReadOnlyList<MoleculeSample>)g.ToList());
            IReadOnlyList<MoleculeSample> Get(string p) => parts.TryGetValue(p, out var l) ? l : [];
            if (Get("train").Count == 0) throw new OwnDataException($"{source}: no record is labelled 'train' in the split column");
            if (Get("val").Count == 0) throw new OwnDataException($"{source}: no record is labelled 'val' in the split column");
            return new OwnDataSplit(Get("train"), Get("val"), test is null ? Get("test") : [.. Get("test"), .. test]);
        }
        double train = sizes[0], validation = sizes[1], rest = sizes.Count > 2 ? sizes[2] : 0;
        if (test is not null)
        {
            double total = train + validation;
            (train, validation, rest) = (train / total, validation / total, 0);
        }
        IReadOnlyList<MoleculeSample> trainPart, validationPart, testPart;
        if (method == SplitMethod.Scaffold)
        {
            var assignment = ScaffoldSplit.Assign(samples.Select(s => s.ScaffoldKey).ToList(), null, seed, train, validation);
            trainPart = assignment.Train.Select(i => samples[i]).ToList();
            validationPart = assignment.Validation.Select(i => samples[i]).ToList();
            testPart = assignment.Test.Select(i => samples[i]).ToList();
        }
        else
        {
            int[] order = new DeterministicRandom(seed).Permutation(samples.Count);
            int trainCount = (int)Math.Floor(train * samples.Count);
            int validationCount = (int)Math.Floor(validation * samples.Count);
            trainPart = order.Take(trainCount).Select(i => samples[i]).ToList();
            validationPart = order.Skip(trainCount).Take(validationCount).Select(i => samples[i]).ToList();
            testPart = order.Skip(trainCount + validationCount).Select(i => samples[i]).ToList();
        }
        if (test is not null) testPart = test;
        if (trainPart.Count == 0) throw new OwnDataException($"{source}: the split leaves no training molecule ({samples.Count} molecules)");
        if (validationPart.Count == 0) throw new OwnDataException($"{source}: the split leaves no validation molecule ({samples.Count} molecules; raise the validation size)");
        return new OwnDataSplit(trainPart, validationPart, testPart);
    }

    private static string Part(MoleculeSample sample, string source) => (sample.SplitLabel ?? "").ToLowerInvariant() switch
    {
        "train" or "training" => "train",
        "val" or "valid" or "validation" => "val",
        "test" => "test",
        var other => throw new OwnDataException($"{source}, {sample.Id}: split label '{sample.SplitLabel}' is not train, val or test"),
    };
}
