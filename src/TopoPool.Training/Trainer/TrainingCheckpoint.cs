using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace TopoPool.Training.Trainer;

/// <summary>
/// Everything a run needs to go on after an interruption: the epoch reached, the best validation so far, the
/// history, the current weights, the best weights and the optimiser's state. Written to a temporary file and
/// renamed over the old one, so a run killed while saving keeps the previous checkpoint.
/// </summary>
public sealed record TrainingCheckpoint(
    string RunKey,
    int Epoch,
    int BestEpoch,
    double BestValidationLoss,
    int EpochsWithoutImprovement,
    double Seconds,
    List<EpochReport> History)
{
    private const string Magic = "TOPOPOOL-CHECKPOINT";
    // Version 2 writes the state in snake_case like every other file; version 1 (PascalCase) is still read, so a run
    // interrupted under an older build resumes.
    private const int Version = 2;

    public void Save(string path, nn.Module model, Dictionary<string, Tensor> bestWeights, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temporary = path + ".partial";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(JsonSerializer.Serialize(this, CheckpointJson.Default.TrainingCheckpoint));
            nn.Module.save_state_dict(writer, bestWeights, null);
            model.save(writer);
            optimizer.save_state_dict(writer);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Loads the checkpoint into <paramref name="model"/> and <paramref name="optimizer"/> and returns it with the best
    /// weights, or null when there is none or it belongs to another run (then nothing is changed). A file that cannot be
    /// read (truncated, foreign, written for another model) throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static (TrainingCheckpoint State, Dictionary<string, Tensor> BestWeights)? TryLoad(
        string path, string runKey, nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (stream.Length < Magic.Length + 1 || reader.ReadString() != Magic)
                throw new InvalidDataException("not a TopoPool checkpoint");
            int version = reader.ReadInt32();
            var format = version switch
            {
                Version => CheckpointJson.Default.TrainingCheckpoint,
                1 => CheckpointJson.Version1.TrainingCheckpoint,
                _ => throw new InvalidDataException($"checkpoint version {version}, this program reads versions 1 and {Version}"),
            };
            var state = JsonSerializer.Deserialize(reader.ReadString(), format)
                        ?? throw new InvalidDataException("the checkpoint has no state");
            if (state.RunKey != runKey) return null;
            model.load(reader);
            var best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            model.load(reader);
            optimizer.load_state_dict(reader);
            return (state, best);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or JsonException or ArgumentException or FormatException
                                       or InvalidOperationException or NotImplementedException)
        {
            string reason = e is EndOfStreamException ? "truncated" : e.Message.Split('\n')[0].Trim();
            throw new InvalidDataException($"{path}: damaged checkpoint ({reason}); delete it or use --fresh", e);
        }
    }
}
