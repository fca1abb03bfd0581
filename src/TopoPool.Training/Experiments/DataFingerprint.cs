using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TopoPool.Training.Data;

namespace TopoPool.Training.Experiments;

/// <summary>
/// A fingerprint of the data a run trains and is tested on: SHA-256 over the prepared graphs of a
/// <see cref="BenchmarkDataset"/> (both parts when it has a fixed test set), in order: each sample's id, label, node
/// count, feature matrix and edge list, plus the dataset's name and task. Any change in the files that changes what
/// is trained on (an edited value, a removed row, a row added to the end) and any change in how they are read gives
/// another fingerprint; a change the readers ignore (a reformatted number with the same value) does not. The first 16
/// hexadecimal digits are kept, which is plenty to tell datasets apart.
/// </summary>
public static class DataFingerprint
{
    /// <summary>The fingerprint of <paramref name="dataset"/>, e.g. <c>3f9a0c1b72d4e5a6</c>.</summary>
    public static string Of(BenchmarkDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Text(hash, dataset.Name);
        Text(hash, dataset.Protocol.ToString());
        Add(hash, dataset.SplitGraphs);
        if (dataset.FixedTest is { } test) Add(hash, test);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void Add(IncrementalHash hash, GraphDataset graphs)
    {
        Text(hash, graphs.Task.ToString());
        Int(hash, graphs.NumClasses);
        Int(hash, graphs.NodeFeatureWidth);
        Int(hash, graphs.Count);
        Span<byte> eight = stackalloc byte[8];
        foreach (var sample in graphs.Samples)
        {
            Text(hash, sample.Id);
            BinaryPrimitives.WriteDoubleLittleEndian(eight, sample.LabelValue);
            hash.AppendData(eight);
            Int(hash, sample.SourceRowCount);
            Graph(hash, sample.Graph);
        }
    }

    /// <summary>Adds a graph: node count, feature width, features, edges.</summary>
    internal static void Graph(IncrementalHash hash, Core.Graph graph)
    {
        Span<byte> four = stackalloc byte[4];
        Int(hash, graph.NumNodes);
        Int(hash, graph.Features.Columns);
        foreach (float value in graph.Features.Data)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, value);
            hash.AppendData(four);
        }
        Int(hash, graph.Edges.Length);
        foreach (var edge in graph.Edges)
        {
            Int(hash, edge.Source);
            Int(hash, edge.Target);
        }
    }

    internal static void Float(IncrementalHash hash, float value)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(four, value);
        hash.AppendData(four);
    }

    internal static void Int(IncrementalHash hash, int value)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(four, value);
        hash.AppendData(four);
    }

    internal static void Text(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Int(hash, bytes.Length);
        hash.AppendData(bytes);
    }
}
