using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TopoPool.Generators.Model;

namespace TopoPool.Generators.Tests.Model;

/// <summary>The values that travel through the pipeline hold nothing that defeats caching.</summary>
public class PipelineModelTests
{
    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(AttributeData)];

    [Fact]
    public void Model_types_hold_only_values()
    {
        Type[] models = typeof(FeaturizerGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FeaturizerModel).Namespace && !t.IsEnum && !t.Name.Contains('<', StringComparison.Ordinal))
            .ToArray();
        Assert.Contains(typeof(FeaturizerResult), models);
        foreach (Type model in models)
        {
            foreach (FieldInfo field in model.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Type type = field.FieldType;
                Assert.False(
                    Forbidden.Any(f => f.IsAssignableFrom(type)) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)),
                    $"{model.Name}.{field.Name} is a {type.Name}");
                if (model != typeof(EquatableArray<>))
                {
                    Assert.True(
                        type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace == typeof(FeaturizerModel).Namespace ||
                        type == typeof(Microsoft.CodeAnalysis.Text.TextSpan) || type == typeof(Microsoft.CodeAnalysis.Text.LinePositionSpan),
                        $"{model.Name}.{field.Name} is a {type.Name}, not a value the pipeline can compare");
                }
            }
        }
    }

    [Fact]
    public void Equatable_array_compares_items()
    {
        var first = new EquatableArray<string>(["a", "b"]);
        var same = new EquatableArray<string>(["a", "b"]);
        var other = new EquatableArray<string>(["a", "c"]);
        Assert.Equal(first, same);
        Assert.Equal(first.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(first, other);
        Assert.Equal(EquatableArray<string>.Empty, new EquatableArray<string>([]));
    }
}
