using System.Reflection;
using TopoPool.Core;

namespace TopoPool.Generators.Tests;

/// <summary>
/// Layer 3: compile a snippet that declares its own featurizers with the library's attributes, load the
/// assembly, featurize, and compare with vectors worked out by hand.
/// </summary>
public class CompiledFeaturizerTests
{
    private const string Declarations = """
        using TopoPool.Chemistry.Featurization;
        using TopoPool.Core;
        using Snippets;

        namespace Snippets.Features;

        [AtomFeaturizer(typeof(TestAtom), MoleculeType = typeof(TestMolecule))]
        public static partial class HandFeatures
        {
            [OneHot(nameof(TestAtom.Element), "C", "N", "O", Unknown = UnknownValues.ExtraSlot)]
            public static partial FeatureSlot Element { get; }

            [OneHot(nameof(TestAtom.Charge), -1, 0, 1, Unknown = UnknownValues.LastSlot)]
            public static partial FeatureSlot Charge { get; }

            [OneHot(nameof(TestAtom.Hybrid), Hybridization.SP, "SP2", Hybridization.SP3)]
            public static partial FeatureSlot Hybrid { get; }

            [OneHot(nameof(TestAtom.Chain), 'A', "B")]
            public static partial FeatureSlot Chain { get; }

            [OneHot(nameof(TestAtom.Aromatic), true, false)]
            public static partial FeatureSlot AromaticOneHot { get; }

            [OneHot(nameof(TestAtom.Big), 5000000000L, -1)]
            public static partial FeatureSlot Big { get; }

            [OneHot(nameof(TestAtom.Small), 0, 255)]
            public static partial FeatureSlot Small { get; }

            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot Aromatic { get; }

            [Scalar(nameof(TestAtom.Mass), Min = 10, Max = 20)]
            public static partial FeatureSlot Mass { get; }

            [Scalar(nameof(TestAtom.Weight), Center = 1, Scale = 0.5)]
            public static partial FeatureSlot Weight { get; }

            [Scalar(nameof(TestAtom.Charge))]
            public static partial FeatureSlot RawCharge { get; }
        }

        public sealed class TestResidue
        {
            public string Name { get; init; } = "GLY";
            public bool Polar { get; init; }
        }

        public sealed class TestProtein
        {
            public System.Collections.Generic.IReadOnlyList<TestResidue> Residues { get; init; } = [];

            public Graph ToGraph(FeatureMatrix features) => Graph.Create(Residues.Count, [new Edge(0, 1)], features);
        }

        [ResidueFeaturizer(typeof(TestResidue), ProteinType = typeof(TestProtein))]
        public partial struct HandResidueFeatures
        {
            [OneHot(nameof(TestResidue.Name), "ALA", "GLY", Unknown = UnknownValues.ExtraSlot, UnknownName = "other")]
            public static partial FeatureSlot Kind { get; }

            [Flag(nameof(TestResidue.Polar))]
            public static partial FeatureSlot Polar { get; }
        }

        public static class Probe
        {
            public static TestAtom Nitrogen => new()
            {
                Element = "N", Charge = 2, Hybrid = Hybridization.S, Chain = 'B', Aromatic = true,
                Big = 5000000000L, Small = 255, Mass = 12.5, Weight = 3f,
            };

            public static TestAtom Carbon => new()
            {
                Element = "C", Charge = -1, Hybrid = Hybridization.SP2, Chain = 'A', Aromatic = false,
                Big = 7, Small = 0, Mass = 20, Weight = 0f,
            };

            /// <summary>WriteFeatures into a longer buffer pre-filled with 9: only the first Width values change.</summary>
            public static float[] One()
            {
                var row = new float[HandFeatures.Width + 2];
                System.Array.Fill(row, 9f);
                HandFeatures.WriteFeatures(Nitrogen, row);
                return row;
            }

            public static float[] Molecule() => HandFeatures.Featurize(new TestMolecule { Atoms = [Nitrogen, Carbon] });

            public static float[] List() => HandFeatures.Featurize(new[] { Nitrogen, Carbon });

            public static float[] IntoBuffer()
            {
                var buffer = new float[2 * HandFeatures.Width];
                System.Array.Fill(buffer, 9f);
                HandFeatures.Featurize(new[] { Nitrogen, Carbon }, buffer);
                return buffer;
            }

            public static FeatureMatrix Matrix() => HandFeatures.ToFeatureMatrix(new TestMolecule { Atoms = [Nitrogen, Carbon] });

            public static Graph ResidueGraph() => HandResidueFeatures.ToGraph(new TestProtein
            {
                Residues = [new TestResidue { Name = "GLY" }, new TestResidue { Name = "TRP", Polar = true }],
            });

            public static int Width => HandFeatures.Width;

            public static string[] Names => [.. HandFeatures.FeatureNames];

            public static FeatureSlot[] Slots => [.. HandFeatures.Slots];

            public static FeatureSlot Mass => HandFeatures.Mass;

            public static void TooShort() => HandFeatures.WriteFeatures(Nitrogen, new float[HandFeatures.Width - 1]);
        }
        """;

    // Element C N O unknown | Charge -1 0 1(last) | Hybrid SP SP2 SP3 | Chain A B | AromaticOneHot true false |
    // Big 5e9 -1 | Small 0 255 | Aromatic | Mass (m-10)/10 | Weight (w-1)*0.5 | RawCharge
    private static readonly float[] NitrogenByHand =
        [0, 1, 0, 0, /**/ 0, 0, 1, /**/ 0, 0, 0, /**/ 0, 1, /**/ 1, 0, /**/ 1, 0, /**/ 0, 1, /**/ 1, /**/ 0.25f, /**/ 1f, /**/ 2f];

    private static readonly float[] CarbonByHand =
        [1, 0, 0, 0, /**/ 1, 0, 0, /**/ 0, 1, 0, /**/ 1, 0, /**/ 0, 1, /**/ 0, 0, /**/ 1, 0, /**/ 0, /**/ 1f, /**/ -0.5f, /**/ -1f];

    private static readonly Lazy<Type> ProbeType = new(() =>
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Declarations, Snippets.TestTypes);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assembly assembly = GeneratorHarness.EmitAndLoad(outcome.Output);
        return assembly.GetType("Snippets.Features.Probe", throwOnError: true)!;
    });

    [Fact]
    public void One_atom_matches_the_vector_worked_out_by_hand()
    {
        float[] row = Call<float[]>("One");
        Assert.Equal(22, Call<int>("Width"));
        Assert.Equal([.. NitrogenByHand, 9f, 9f], row);
    }

    [Fact]
    public void Molecule_list_and_buffer_give_the_same_row_major_matrix()
    {
        float[] expected = [.. NitrogenByHand, .. CarbonByHand];
        Assert.Equal(expected, Call<float[]>("Molecule"));
        Assert.Equal(expected, Call<float[]>("List"));
        Assert.Equal(expected, Call<float[]>("IntoBuffer"));
    }

    [Fact]
    public void Feature_matrix_has_one_row_per_atom()
    {
        FeatureMatrix matrix = Call<FeatureMatrix>("Matrix");
        Assert.Equal(2, matrix.Rows);
        Assert.Equal(22, matrix.Columns);
        Assert.Equal(CarbonByHand, matrix.RowArray(1));
    }

    [Fact]
    public void Residue_featurizer_on_a_struct_builds_the_protein_graph()
    {
        Graph graph = Call<Graph>("ResidueGraph");
        Assert.Equal(2, graph.NumNodes);
        Assert.Equal(new[] { new Edge(0, 1) }, graph.Edges.ToArray());
        Assert.Equal([0f, 1f, 0f, 0f], graph.Features.RowArray(0));
        Assert.Equal([0f, 0f, 1f, 1f], graph.Features.RowArray(1)); // TRP is "other"
    }

    [Fact]
    public void Names_and_slots_describe_the_columns()
    {
        string[] names = Call<string[]>("Names");
        Assert.Equal(
            [
                "Element=C", "Element=N", "Element=O", "Element=unknown", "Charge=-1", "Charge=0", "Charge=1",
                "Hybrid=SP", "Hybrid=SP2", "Hybrid=SP3", "Chain=A", "Chain=B", "AromaticOneHot=true", "AromaticOneHot=false",
                "Big=5000000000", "Big=-1", "Small=0", "Small=255", "Aromatic", "Mass", "Weight", "RawCharge",
            ],
            names);
        var slots = Call<TopoPool.Chemistry.Featurization.FeatureSlot[]>("Slots");
        Assert.Equal(11, slots.Length);
        Assert.Equal(new TopoPool.Chemistry.Featurization.FeatureSlot("Mass", 19, 1), Call<TopoPool.Chemistry.Featurization.FeatureSlot>("Mass"));
        int offset = 0;
        foreach (var slot in slots)
        {
            Assert.Equal(offset, slot.Offset);
            offset = slot.End;
        }

        Assert.Equal(22, offset);
    }

    [Fact]
    public void Too_short_destination_is_rejected()
    {
        var error = Assert.Throws<TargetInvocationException>(() => Call<object?>("TooShort"));
        var argument = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Equal("destination", argument.ParamName);
    }

    private static T Call<T>(string member)
    {
        Type probe = ProbeType.Value;
        object? value = probe.GetProperty(member) is { } property
            ? property.GetValue(null)
            : probe.GetMethod(member)!.Invoke(null, null);
        return (T)value!;
    }
}
