using Xunit;

namespace TopoPool.Torch.Tests;

/// <summary>
/// Tests that compare models built from the same seed. Torch's default random generator is global to the process, so
/// these run alone: another test class drawing random numbers in parallel would shift the sequence between seeding
/// and initialisation.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchRandomCollection
{
    public const string Name = "seeded torch random generator";
}
