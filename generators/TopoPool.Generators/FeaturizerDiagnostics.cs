using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TopoPool.Generators.Model;

namespace TopoPool.Generators;

/// <summary>The one table of TPxxx diagnostics the featurizer generator reports.</summary>
internal static class FeaturizerDiagnostics
{
    private const string Category = "TopoPool.Featurization";

    public static readonly DiagnosticDescriptor UnknownProperty = Error(
        "TP001",
        "Unknown property",
        "'{0}' has no readable instance property named '{1}'");

    public static readonly DiagnosticDescriptor ValueNotConvertible = Error(
        "TP002",
        "One-hot value of the wrong type",
        "The value {0} cannot be converted to '{1}', the type of '{2}'");

    public static readonly DiagnosticDescriptor DuplicateOneHotValue = Error(
        "TP003",
        "Duplicate one-hot value",
        "The value {0} is listed more than once in the one-hot feature '{1}'");

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "TP004",
        "Featurizer type is not partial",
        "The featurizer type '{0}' and every type enclosing it must be declared partial");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "TP005",
        "Unsupported property type",
        "A {0} feature cannot read '{1}' of type '{2}' (one-hot: string, char, bool, integer or enum; flag: bool; scalar: a number)");

    public static readonly DiagnosticDescriptor InvalidFeatureMember = Error(
        "TP006",
        "Feature is not a static partial FeatureSlot property",
        "The feature '{0}' must be declared as 'static partial FeatureSlot {0} {{ get; }}' with no body");

    public static readonly DiagnosticDescriptor EmptyOneHot = Error(
        "TP007",
        "One-hot feature without values",
        "The one-hot feature '{0}' lists no values");

    public static readonly DiagnosticDescriptor InvalidScaling = Error(
        "TP008",
        "Invalid scalar scaling",
        "The scalar feature '{0}' has an invalid scaling: {1}");

    public static readonly DiagnosticDescriptor SeveralFeatureAttributes = Error(
        "TP009",
        "Several feature attributes on one property",
        "The feature '{0}' has more than one feature attribute; keep one");

    public static readonly DiagnosticDescriptor GenericFeaturizer = Error(
        "TP010",
        "Generic featurizer type",
        "The featurizer type '{0}' and the types enclosing it cannot be generic");

    public static readonly DiagnosticDescriptor ItemTypeNotFound = Error(
        "TP011",
        "Atom or residue type not found",
        "The {0} type '{1}' was not found; reference its assembly or name the type in the attribute");

    public static readonly DiagnosticDescriptor ConflictingFeaturizerKinds = Error(
        "TP012",
        "Both an atom and a residue featurizer",
        "'{0}' cannot be both an atom featurizer and a residue featurizer");

    public static readonly DiagnosticDescriptor ReservedFeatureName = Error(
        "TP013",
        "Feature name used by the generated code",
        "The feature name '{0}' is a member the generator writes; rename the property");

    public static readonly DiagnosticDescriptor InvalidContainerType = Error(
        "TP014",
        "Invalid molecule or protein type",
        "'{0}' cannot be used as the {1} type: it needs a readable property '{2}' listing '{3}' items (an array or an IReadOnlyList)");

    public static readonly DiagnosticDescriptor EmptyFeaturizer = new(
        "TP015",
        "Featurizer without features",
        "The featurizer '{0}' declares no features",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>Every descriptor, by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = new[]
    {
        UnknownProperty, ValueNotConvertible, DuplicateOneHotValue, TypeNotPartial, UnsupportedPropertyType,
        InvalidFeatureMember, EmptyOneHot, InvalidScaling, SeveralFeatureAttributes, GenericFeaturizer,
        ItemTypeNotFound, ConflictingFeaturizerKinds, ReservedFeatureName, InvalidContainerType, EmptyFeaturizer,
    }.ToDictionary(d => d.Id);

    public static DiagnosticInfo Info(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(arguments));

    public static Diagnostic ToDiagnostic(DiagnosticInfo info) =>
        Diagnostic.Create(
            ById[info.Id],
            info.Location?.ToLocation() ?? Location.None,
            info.MessageArguments.Cast<object>().ToArray());

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
