namespace TopoPool.Generators.Tests;

/// <summary>Source text shared by the snippets: a small atom type of every supported property kind.</summary>
internal static class Snippets
{
    public const string TestTypes = """
        namespace Snippets
        {
            public enum Hybridization { S, SP, SP2, SP3 }

            public sealed class TestAtom
            {
                public string Element { get; init; } = "C";
                public int Charge { get; init; }
                public bool Aromatic { get; init; }
                public double Mass { get; init; }
                public Hybridization Hybrid { get; init; }
                public char Chain { get; init; }
                public byte Small { get; init; }
                public long Big { get; init; }
                public float Weight { get; init; }
                public int[] Neighbours { get; init; } = [];
                public int? MaybeCharge { get; init; }
                private int Secret { get; init; }
                public static int Shared { get; set; }
            }

            public sealed class TestMolecule
            {
                public TestAtom[] Atoms { get; init; } = [];
            }
        }
        """;

    /// <summary>A featurizer file: usings, the namespace, and the given declaration.</summary>
    public static string Featurizer(string declaration) => $$"""
        using TopoPool.Chemistry.Featurization;
        using Snippets;

        namespace Snippets.Features;

        {{declaration}}
        """;
}
