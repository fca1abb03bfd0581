using System.Text.Json;
using Xunit;

namespace TopoPool.Cli.Tests.Commands;

public class TrainDeterminismTests
{
    [Fact]
    public void Two_processes_training_the_same_seed_give_the_same_epochs_to_the_last_bit()
    {
        string Run()
        {
            var output = Directory.CreateTempSubdirectory("topopool-determinism").FullName;
            var result = CliProcess.Run(null, "train", "--epochs", "3", "--out", output);
            Assert.True(result.ExitCode == 0, result.StandardError);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "seed1.result.json")));
            return json.RootElement.GetProperty("history").GetRawText();
        }
        var first = Run();
        Assert.Equal(3, JsonDocument.Parse(first).RootElement.GetArrayLength());
        Assert.Equal(first, Run());
    }
}
