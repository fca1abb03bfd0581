using System.Security.Cryptography;
using TopoPool.Training.Experiments;

namespace TopoPool.Training.OwnData;

/// <summary>
/// The fingerprint of a user's training data (and separate test table): SHA-256 over the targets (names, kinds,
/// classes), the featurizer and every used molecule in order (record number, split label, target values, prepared
/// graph). Any edit that changes what is trained on gives another fingerprint. 16 hexadecimal digits are kept.
/// </summary>
public static class OwnDataFingerprint
{
    public static string Of(MoleculeTable table, MoleculeTable? test)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, table);
        if (test is not null) Add(hash, test);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void Add(IncrementalHash hash, MoleculeTable table)
    {
        DataFingerprint.Text(hash, table.Featurizer.Name);
        foreach (var target in table.Targets)
        {
            DataFingerprint.Text(hash, target.Name);
            DataFingerprint.Text(hash, target.Kind.ToString());
            DataFingerprint.Text(hash, string.Join("\u001f", target.Classes));
        }
        DataFingerprint.Int(hash, table.Samples.Count);
        foreach (var sample in table.Samples)
        {
            DataFingerprint.Int(hash, sample.Row);
            DataFingerprint.Text(hash, sample.SplitLabel ?? "");
            foreach (float value in sample.Targets) DataFingerprint.Float(hash, value);
            DataFingerprint.Graph(hash, sample.Graph);
        }
    }
}
