using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TopoPool.Testing;

namespace TopoPool.Generators.Tests;

/// <summary>
/// Layer 1: run the driver on a schema with one mistake and check the TPxxx diagnostic, its message and that
/// it points at the offending attribute argument (marked <c>[|...|]</c> in the snippet).
/// </summary>
public class DiagnosticTests
{
    [Fact]
    public void Unknown_property_points_at_the_property_name() => AssertSingle(
        "TP001",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot([|"Charj"|], 1, 2)]
            public static partial FeatureSlot Charge { get; }
        }
        """,
        "'Snippets.TestAtom' has no readable instance property named 'Charj'");

    [Fact]
    public void Private_or_static_property_is_unknown() => AssertSingle(
        "TP001",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar([|"Secret"|])]
            public static partial FeatureSlot Secret { get; }

            [Scalar(nameof(TestAtom.Shared))]
            public static partial FeatureSlot Shared { get; }
        }
        """,
        "'Snippets.TestAtom' has no readable instance property named 'Secret'",
        expectedCount: 2);

    [Fact]
    public void String_value_for_an_integer_property_is_not_convertible() => AssertSingle(
        "TP002",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Charge), 1, [|"two"|], 3)]
            public static partial FeatureSlot Charge { get; }
        }
        """,
        "The value \"two\" cannot be converted to 'int', the type of 'Charge'");

    [Fact]
    public void Fraction_for_an_integer_property_is_not_convertible() => AssertSingle(
        "TP002",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Charge), [|1.5|])]
            public static partial FeatureSlot Charge { get; }
        }
        """,
        "The value 1.5 cannot be converted to 'int', the type of 'Charge'");

    [Fact]
    public void Value_out_of_range_of_a_byte_is_not_convertible() => AssertSingle(
        "TP002",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Small), 0, 255, [|256|])]
            public static partial FeatureSlot Small { get; }
        }
        """,
        "The value 256 cannot be converted to 'byte', the type of 'Small'");

    [Fact]
    public void Unknown_enum_member_name_is_not_convertible() => AssertSingle(
        "TP002",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Hybrid), Hybridization.SP, [|"SP5"|])]
            public static partial FeatureSlot Hybrid { get; }
        }
        """,
        "The value \"SP5\" cannot be converted to 'Snippets.Hybridization', the type of 'Hybrid'");

    [Fact]
    public void Value_in_an_explicit_array_is_located_inside_it() => AssertSingle(
        "TP002",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Element), new object[] { "C", [|7|] })]
            public static partial FeatureSlot Element { get; }
        }
        """,
        "The value 7 cannot be converted to 'string', the type of 'Element'");

    [Fact]
    public void Repeated_integer_is_a_duplicate() => AssertSingle(
        "TP003",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Charge), 1, 2, [|1|])]
            public static partial FeatureSlot Charge { get; }
        }
        """,
        "The value 1 is listed more than once in the one-hot feature 'Charge'");

    [Fact]
    public void Enum_member_named_twice_in_two_spellings_is_a_duplicate() => AssertSingle(
        "TP003",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot(nameof(TestAtom.Hybrid), Hybridization.SP, [|"SP"|])]
            public static partial FeatureSlot Hybrid { get; }
        }
        """,
        "The value \"SP\" is listed more than once in the one-hot feature 'Hybrid'");

    [Fact]
    public void Non_partial_type_is_reported_at_its_name() => AssertSingle(
        "TP004",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static class [|NotPartial|]
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot Aromatic { get; }
        }
        """,
        "The featurizer type 'NotPartial' and every type enclosing it must be declared partial",
        compilesOtherwise: false);

    [Fact]
    public void Non_partial_enclosing_type_is_reported() => AssertSingle(
        "TP004",
        """
        public static class [|Outer|]
        {
            [AtomFeaturizer(typeof(TestAtom))]
            public static partial class Inner
            {
                [Flag(nameof(TestAtom.Aromatic))]
                public static partial FeatureSlot Aromatic { get; }
            }
        }
        """,
        "The featurizer type 'Inner' and every type enclosing it must be declared partial",
        compilesOtherwise: false);

    [Fact]
    public void One_hot_of_a_double_is_unsupported() => AssertSingle(
        "TP005",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [OneHot([|nameof(TestAtom.Mass)|], 12.0, 14.0)]
            public static partial FeatureSlot Mass { get; }
        }
        """,
        "A one-hot feature cannot read 'Mass' of type 'double' (one-hot: string, char, bool, integer or enum; flag: bool; scalar: a number)");

    [Fact]
    public void Flag_of_an_integer_is_unsupported() => AssertSingle(
        "TP005",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Flag([|nameof(TestAtom.Charge)|])]
            public static partial FeatureSlot Charged { get; }
        }
        """,
        "A flag feature cannot read 'Charge' of type 'int' (one-hot: string, char, bool, integer or enum; flag: bool; scalar: a number)");

    [Fact]
    public void Scalar_of_a_string_is_unsupported() => AssertSingle(
        "TP005",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar([|nameof(TestAtom.Element)|])]
            public static partial FeatureSlot Element { get; }
        }
        """,
        "A scalar feature cannot read 'Element' of type 'string' (one-hot: string, char, bool, integer or enum; flag: bool; scalar: a number)");

    [Fact]
    public void Scalar_of_a_nullable_integer_is_unsupported() => AssertSingle(
        "TP005",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar(property: [|nameof(TestAtom.MaybeCharge)|])]
            public static partial FeatureSlot MaybeCharge { get; }
        }
        """,
        "A scalar feature cannot read 'MaybeCharge' of type 'int?' (one-hot: string, char, bool, integer or enum; flag: bool; scalar: a number)");

    [Fact]
    public void Non_partial_feature_property_is_reported_at_its_name() => AssertSingle(
        "TP006",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static FeatureSlot [|Aromatic|] { get; }
        }
        """,
        "The feature 'Aromatic' must be declared as 'static partial FeatureSlot Aromatic { get; }' with no body");

    [Fact]
    public void Feature_property_of_another_type_is_reported() => AssertSingle(
        "TP006",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public partial class F
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static partial int [|Aromatic|] { get; }
        }
        """,
        "The feature 'Aromatic' must be declared as 'static partial FeatureSlot Aromatic { get; }' with no body",
        compilesOtherwise: false);

    [Fact]
    public void One_hot_without_values_points_at_the_attribute() => AssertSingle(
        "TP007",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [[|OneHot(nameof(TestAtom.Charge))|]]
            public static partial FeatureSlot Charge { get; }
        }
        """,
        "The one-hot feature 'Charge' lists no values");

    [Fact]
    public void Min_without_max_is_invalid_scaling() => AssertSingle(
        "TP008",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar(nameof(TestAtom.Mass), [|Min = 1|])]
            public static partial FeatureSlot Mass { get; }
        }
        """,
        "The scalar feature 'Mass' has an invalid scaling: give both Min and Max");

    [Fact]
    public void Max_equal_to_min_is_invalid_scaling() => AssertSingle(
        "TP008",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar(nameof(TestAtom.Mass), Min = 2, [|Max = 2|])]
            public static partial FeatureSlot Mass { get; }
        }
        """,
        "The scalar feature 'Mass' has an invalid scaling: Max equals Min");

    [Fact]
    public void Min_max_with_scale_is_invalid_scaling() => AssertSingle(
        "TP008",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar(nameof(TestAtom.Mass), Min = 0, Max = 1, [|Scale = 3|])]
            public static partial FeatureSlot Mass { get; }
        }
        """,
        "The scalar feature 'Mass' has an invalid scaling: Min and Max cannot be combined with Center or Scale");

    [Fact]
    public void Zero_scale_is_invalid_scaling() => AssertSingle(
        "TP008",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Scalar(nameof(TestAtom.Mass), [|Scale = 0|])]
            public static partial FeatureSlot Mass { get; }
        }
        """,
        "The scalar feature 'Mass' has an invalid scaling: Scale must be a finite number other than 0");

    [Fact]
    public void Two_feature_attributes_on_one_property_are_reported_at_the_second() => AssertSingle(
        "TP009",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Flag(nameof(TestAtom.Aromatic))]
            [[|Scalar(nameof(TestAtom.Mass))|]]
            public static partial FeatureSlot Aromatic { get; }
        }
        """,
        "The feature 'Aromatic' has more than one feature attribute; keep one");

    [Fact]
    public void Generic_featurizer_is_reported_at_its_name() => AssertSingle(
        "TP010",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public partial class [|F|]<T>
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot Aromatic { get; }
        }
        """,
        "The featurizer type 'F' and the types enclosing it cannot be generic",
        compilesOtherwise: false);

    [Fact]
    public void Missing_default_atom_type_is_reported_at_the_attribute()
    {
        // Look-alike attributes without the TopoPool.Chemistry library: the default atom type does not exist.
        const string attributes = """
            namespace TopoPool.Chemistry.Featurization
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class AtomFeaturizerAttribute : System.Attribute { }

                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class FlagAttribute(string property) : System.Attribute { public string Property { get; } = property; }

                public readonly record struct FeatureSlot(string Name, int Offset, int Width);
            }
            """;
        const string marked = """
            using TopoPool.Chemistry.Featurization;

            [[|AtomFeaturizer|]]
            public static partial class F
            {
                [Flag("IsAromatic")]
                public static partial FeatureSlot Aromatic { get; }
            }
            """;
        var (source, span) = GeneratorHarness.Unmark(marked);
        GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.FrameworkOnly, source, attributes);
        AssertDiagnostic(outcome, "TP011", span, "Snippet0.cs", "The atom type 'TopoPool.Chemistry.Atom' was not found; reference its assembly or name the type in the attribute");
    }

    [Fact]
    public void Atom_and_residue_featurizer_at_once_is_reported_once() => AssertSingle(
        "TP012",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        [[|ResidueFeaturizer(typeof(TestAtom))|]]
        public static partial class F
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot Aromatic { get; }
        }
        """,
        "'F' cannot be both an atom featurizer and a residue featurizer",
        compilesOtherwise: false);

    [Fact]
    public void Feature_named_like_a_generated_member_is_reserved() => AssertSingle(
        "TP013",
        """
        [AtomFeaturizer(typeof(TestAtom))]
        public static partial class F
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot [|Width|] { get; }
        }
        """,
        "The feature name 'Width' is a member the generator writes; rename the property",
        compilesOtherwise: false);

    [Fact]
    public void Molecule_type_without_atoms_is_reported_at_the_named_argument() => AssertSingle(
        "TP014",
        """
        [AtomFeaturizer(typeof(TestAtom), [|MoleculeType = typeof(string)|])]
        public static partial class F
        {
            [Flag(nameof(TestAtom.Aromatic))]
            public static partial FeatureSlot Aromatic { get; }
        }
        """,
        "'string' cannot be used as the molecule type: it needs a readable property 'Atoms' listing 'Snippets.TestAtom' items (an array or an IReadOnlyList)");

    [Fact]
    public void Featurizer_without_features_is_a_warning()
    {
        var (source, span) = GeneratorHarness.Unmark(Snippets.Featurizer("""
            [AtomFeaturizer(typeof(TestAtom))]
            public static partial class [|Empty|]
            {
            }
            """));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, Snippets.TestTypes);
        Diagnostic diagnostic = AssertDiagnostic(outcome, "TP015", span, "Snippet0.cs", "The featurizer 'Empty' declares no features");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("public const int Width = 0;", outcome.SingleSource);
    }

    [Fact]
    public void Several_mistakes_are_all_reported()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            Snippets.Featurizer("""
                [AtomFeaturizer(typeof(TestAtom))]
                public static partial class F
                {
                    [OneHot("Nope", 1)]
                    public static partial FeatureSlot A { get; }

                    [OneHot(nameof(TestAtom.Charge), 1, 1)]
                    public static partial FeatureSlot B { get; }

                    [Flag(nameof(TestAtom.Mass))]
                    public static partial FeatureSlot C { get; }
                }
                """),
            Snippets.TestTypes);
        Assert.Equal(["TP001", "TP003", "TP005"], outcome.GeneratorDiagnostics.Select(d => d.Id).Order().ToArray());
        Assert.All(outcome.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void Every_descriptor_has_an_id_of_the_table_and_is_documented()
    {
        string[] ids = FeaturizerDiagnostics.ById.Keys.Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"TP{i:000}").ToArray(), ids);
        Assert.All(FeaturizerDiagnostics.ById.Values, d => Assert.Equal("TopoPool.Featurization", d.Category));
        string releases = File.ReadAllText(Path.Combine(SharedFolder.RepositoryRoot, "generators", "TopoPool.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.All(ids, id => Assert.Contains(id + " |", releases));
    }

    /// <summary>Code that uses what the generator writes for <c>F</c>: it must still compile when the schema has a mistake.</summary>
    private const string UsesTheGeneratedMembers = """
        static class Use
        {
            static int Columns() => Snippets.Features.F.Width + Snippets.Features.F.FeatureNames.Length + Snippets.Features.F.Slots.Length +
                Snippets.Features.F.Featurize(new Snippets.TestAtom[0]).Length;
        }
        """;

    /// <summary>
    /// Runs the marked featurizer snippet and checks that exactly <paramref name="expectedCount"/> diagnostics
    /// came out, one of them <paramref name="id"/> at the marked span with <paramref name="message"/>; and, unless
    /// told otherwise, that the compiler reports nothing else, even for code that uses the generated members.
    /// </summary>
    private static void AssertSingle(string id, string markedDeclaration, string message, int expectedCount = 1, bool compilesOtherwise = true)
    {
        var (source, span) = GeneratorHarness.Unmark(Snippets.Featurizer(markedDeclaration));
        GeneratorOutcome outcome = compilesOtherwise
            ? GeneratorHarness.Run(source, Snippets.TestTypes, UsesTheGeneratedMembers)
            : GeneratorHarness.Run(source, Snippets.TestTypes);
        Assert.Equal(expectedCount, outcome.GeneratorDiagnostics.Count);
        AssertDiagnostic(outcome, id, span, "Snippet0.cs", message);
        if (compilesOtherwise)
        {
            Assert.DoesNotContain(outcome.CompilerProblems, d => !d.Id.StartsWith("TP", StringComparison.Ordinal));
        }
    }

    private static Diagnostic AssertDiagnostic(GeneratorOutcome outcome, string id, TextSpan span, string path, string message)
    {
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id && d.Location.SourceSpan == span);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        return diagnostic;
    }
}
