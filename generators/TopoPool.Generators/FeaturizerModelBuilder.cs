using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoPool.Generators.Model;

namespace TopoPool.Generators;

/// <summary>
/// The transform of the pipeline: all symbol work happens here, and what leaves is a value-equatable
/// <see cref="FeaturizerResult"/> (no symbols, syntax, compilations or locations).
/// </summary>
internal static class FeaturizerModelBuilder
{
    /// <summary>Members the emitter writes; a feature may not take one of these names.</summary>
    public static readonly IReadOnlyCollection<string> GeneratedMemberNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "Width", "FeatureNames", "Slots", "WriteFeatures", "Featurize", "ToFeatureMatrix", "ToGraph", "WriteIntoClearedRow",
    };

    public static FeaturizerResult Build(GeneratorAttributeSyntaxContext context, FeaturizerKind kind, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsDefaultOrEmpty)
        {
            return FeaturizerResult.Nothing;
        }

        Compilation compilation = context.SemanticModel.Compilation;
        AttributeData attribute = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();
        var locator = new AttributeArgumentLocator(attribute, cancellationToken);

        string ownAttribute = kind == FeaturizerKind.Atom ? WellKnownNames.AtomFeaturizerAttribute : WellKnownNames.ResidueFeaturizerAttribute;
        AttributeData? firstApplication = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ownAttribute);
        if (firstApplication is not null && !SameSyntax(firstApplication.ApplicationSyntaxReference, attribute.ApplicationSyntaxReference))
        {
            return FeaturizerResult.Nothing; // a second application on another part: the compiler reports it (CS0579)
        }

        string otherKindAttribute = kind == FeaturizerKind.Atom ? WellKnownNames.ResidueFeaturizerAttribute : WellKnownNames.AtomFeaturizerAttribute;
        if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == otherKindAttribute))
        {
            // Reported once, by the residue pipeline; neither emits.
            return kind == FeaturizerKind.Residue
                ? Failed(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.ConflictingFeaturizerKinds, locator.Attribute, type.Name))
                : FeaturizerResult.Nothing;
        }

        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                return Failed(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.GenericFeaturizer, IdentifierLocation(t, cancellationToken), type.Name));
            }

            TypeDeclarationSyntax? notPartial = t.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (notPartial is not null)
            {
                return Failed(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.TypeNotPartial, LocationInfo.From(notPartial.Identifier), type.Name));
            }
        }

        // The item type: given in the attribute, or the library's Atom / Residue.
        string defaultItemName = kind == FeaturizerKind.Atom ? WellKnownNames.DefaultAtom : WellKnownNames.DefaultResidue;
        INamedTypeSymbol? defaultItem = compilation.GetTypeByMetadataName(defaultItemName);
        ITypeSymbol? itemType = attribute.ConstructorArguments.Length == 1
            ? attribute.ConstructorArguments[0].Value as ITypeSymbol
            : defaultItem;
        if (itemType is null)
        {
            return Failed(FeaturizerDiagnostics.Info(
                FeaturizerDiagnostics.ItemTypeNotFound, locator.Attribute, KindWord(kind), defaultItemName));
        }

        if (itemType.TypeKind == TypeKind.Error)
        {
            return FeaturizerResult.Nothing; // the compiler reports the unknown type
        }

        ContainerModel? container = BuildContainer(kind, type, itemType, defaultItem, attribute, locator, compilation, diagnostics);

        INamedTypeSymbol? slotType = compilation.GetTypeByMetadataName(WellKnownNames.FeatureSlot);
        var features = new List<FeatureModel>();
        int offset = 0;
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol property)
            {
                continue;
            }

            AttributeData[] featureAttributes = property.GetAttributes().Where(IsFeatureAttribute).ToArray();
            if (featureAttributes.Length == 0)
            {
                continue;
            }

            bool wellFormed = property.IsStatic && property.IsPartialDefinition && property.PartialImplementationPart is null &&
                property.GetMethod is not null && property.SetMethod is null && property.RefKind == RefKind.None &&
                slotType is not null && SymbolEqualityComparer.Default.Equals(property.Type, slotType);
            if (!wellFormed)
            {
                // No implementation part can be written for it; the compiler's own errors follow.
                diagnostics.Add(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.InvalidFeatureMember, LocationInfo.From(property.Locations.FirstOrDefault()), property.Name));
                continue;
            }

            string accessibility = CSharpNames.AccessibilityKeywords(property.DeclaredAccessibility);
            if (featureAttributes.Length > 1)
            {
                diagnostics.Add(FeaturizerDiagnostics.Info(
                    FeaturizerDiagnostics.SeveralFeatureAttributes,
                    new AttributeArgumentLocator(featureAttributes[1], cancellationToken).Attribute,
                    property.Name));
            }

            if (GeneratedMemberNames.Contains(property.Name))
            {
                // Its implementation would clash with a generated member, so none is written.
                diagnostics.Add(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.ReservedFeatureName, LocationInfo.From(property.Locations.FirstOrDefault()), property.Name));
                continue;
            }

            FeatureModel feature = BuildFeature(property.Name, accessibility, featureAttributes[0], itemType, type, offset, compilation, diagnostics, cancellationToken);
            features.Add(feature);
            offset += feature.Width;
        }

        if (features.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.EmptyFeaturizer, IdentifierLocation(type, cancellationToken), type.Name));
        }

        var containingTypes = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            containingTypes.Insert(0, new ContainingTypeModel(CSharpNames.DeclarationKeyword(t), CSharpNames.Escape(t.Name)));
        }

        string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        string hintName = (ns.Length > 0 ? ns + "." : "") + string.Join(".", containingTypes.Select(c => c.Name.TrimStart('@'))) + ".Featurizer.g.cs";
        bool hasCoreTypes = compilation.GetTypeByMetadataName(WellKnownNames.FeatureMatrix) is not null &&
            compilation.GetTypeByMetadataName(WellKnownNames.Graph) is not null;

        var model = new FeaturizerModel(
            kind,
            ns,
            new EquatableArray<ContainingTypeModel>(containingTypes.ToArray()),
            hintName,
            CSharpNames.FullyQualified(itemType),
            itemType.IsReferenceType,
            container,
            hasCoreTypes,
            new EquatableArray<FeatureModel>(features.ToArray()),
            offset);
        return new FeaturizerResult(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static FeatureModel BuildFeature(
        string name,
        string accessibility,
        AttributeData attribute,
        ITypeSymbol itemType,
        INamedTypeSymbol featurizer,
        int offset,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var locator = new AttributeArgumentLocator(attribute, cancellationToken);
        string? sourceName = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        IPropertySymbol? source = FindReadableProperty(itemType, sourceName, featurizer, compilation);
        if (source is null)
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(
                FeaturizerDiagnostics.UnknownProperty, locator.Constructor(0, "property"), itemType.ToDisplayString(), sourceName ?? "null"));
            return Invalid(name, accessibility, offset);
        }

        string attributeName = attribute.AttributeClass!.ToDisplayString();
        return attributeName switch
        {
            WellKnownNames.OneHotAttribute => BuildOneHot(name, accessibility, attribute, source, offset, locator, diagnostics),
            WellKnownNames.FlagAttribute => BuildFlag(name, accessibility, source, offset, locator, diagnostics),
            _ => BuildScalar(name, accessibility, attribute, source, offset, locator, diagnostics),
        };
    }

    private static FeatureModel BuildOneHot(
        string name,
        string accessibility,
        AttributeData attribute,
        IPropertySymbol source,
        int offset,
        AttributeArgumentLocator locator,
        List<DiagnosticInfo> diagnostics)
    {
        if (!OneHotValueConverter.IsSupported(source.Type))
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(
                FeaturizerDiagnostics.UnsupportedPropertyType, locator.Constructor(0, "property"), "one-hot", source.Name, source.Type.ToDisplayString()));
            return Invalid(name, accessibility, offset);
        }

        TypedConstant valuesArgument = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1] : default;
        IReadOnlyList<TypedConstant> values = valuesArgument.Kind == TypedConstantKind.Array && !valuesArgument.IsNull
            ? valuesArgument.Values
            : Array.Empty<TypedConstant>();
        if (values.Count == 0)
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.EmptyOneHot, locator.Attribute, name));
            return Invalid(name, accessibility, offset);
        }

        int unknown = NamedArgument(attribute, "Unknown")?.Value is int u ? u : 0; // UnknownValues.NoSlot
        string unknownName = NamedArgument(attribute, "UnknownName")?.Value as string ?? "unknown";
        var cases = new List<OneHotCase>();
        var columnNames = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        bool failed = false;
        for (int i = 0; i < values.Count; i++)
        {
            if (!OneHotValueConverter.TryConvert(values[i], source.Type, out string literal, out string text, out string key))
            {
                diagnostics.Add(FeaturizerDiagnostics.Info(
                    FeaturizerDiagnostics.ValueNotConvertible,
                    locator.ParamsElement(1, "values", i, values.Count),
                    values[i].IsNull ? "null" : values[i].ToCSharpString(),
                    source.Type.ToDisplayString(),
                    source.Name));
                failed = true;
                continue;
            }

            if (!keys.Add(key))
            {
                diagnostics.Add(FeaturizerDiagnostics.Info(
                    FeaturizerDiagnostics.DuplicateOneHotValue, locator.ParamsElement(1, "values", i, values.Count), values[i].ToCSharpString(), name));
                failed = true;
                continue;
            }

            cases.Add(new OneHotCase(literal, offset + i));
            columnNames.Add(name + "=" + text);
        }

        if (failed)
        {
            return Invalid(name, accessibility, offset);
        }

        int fallback = unknown switch
        {
            1 => offset + values.Count, // ExtraSlot
            2 => offset + values.Count - 1, // LastSlot
            _ => -1,
        };
        if (unknown == 1)
        {
            columnNames.Add(name + "=" + unknownName);
        }

        return new FeatureModel(
            name,
            accessibility,
            FeatureKind.OneHot,
            CSharpNames.Escape(source.Name),
            CSharpNames.FullyQualified(source.Type),
            offset,
            columnNames.Count,
            new EquatableArray<OneHotCase>(cases.ToArray()),
            fallback,
            new EquatableArray<string>(columnNames.ToArray()),
            ScalarScaling.CenterScale,
            0,
            1);
    }

    private static FeatureModel BuildFlag(
        string name, string accessibility, IPropertySymbol source, int offset, AttributeArgumentLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (source.Type.SpecialType != SpecialType.System_Boolean)
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(
                FeaturizerDiagnostics.UnsupportedPropertyType, locator.Constructor(0, "property"), "flag", source.Name, source.Type.ToDisplayString()));
            return Invalid(name, accessibility, offset);
        }

        return Single(name, accessibility, FeatureKind.Flag, source, offset, ScalarScaling.CenterScale, 0, 1);
    }

    private static FeatureModel BuildScalar(
        string name,
        string accessibility,
        AttributeData attribute,
        IPropertySymbol source,
        int offset,
        AttributeArgumentLocator locator,
        List<DiagnosticInfo> diagnostics)
    {
        if (!IsNumber(source.Type.SpecialType))
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(
                FeaturizerDiagnostics.UnsupportedPropertyType, locator.Constructor(0, "property"), "scalar", source.Name, source.Type.ToDisplayString()));
            return Invalid(name, accessibility, offset);
        }

        double? min = NumberArgument(attribute, "Min");
        double? max = NumberArgument(attribute, "Max");
        double? center = NumberArgument(attribute, "Center");
        double? scale = NumberArgument(attribute, "Scale");
        string? problem = null;
        string? where = null;
        if (min is not null || max is not null)
        {
            if (min is null || max is null)
            {
                (problem, where) = ("give both Min and Max", min is null ? "Max" : "Min");
            }
            else if (center is not null || scale is not null)
            {
                (problem, where) = ("Min and Max cannot be combined with Center or Scale", center is not null ? "Center" : "Scale");
            }
            else if (!IsFinite(min.Value) || !IsFinite(max.Value) || !IsFinite(max.Value - min.Value))
            {
                (problem, where) = ("Min and Max must be finite numbers", IsFinite(min.Value) ? "Max" : "Min");
            }
            else if (max.Value == min.Value)
            {
                (problem, where) = ("Max equals Min", "Max");
            }
        }
        else if (center is { } c && !IsFinite(c))
        {
            (problem, where) = ("Center must be a finite number", "Center");
        }
        else if (scale is { } s && (!IsFinite(s) || s == 0))
        {
            (problem, where) = ("Scale must be a finite number other than 0", "Scale");
        }

        if (problem is not null)
        {
            diagnostics.Add(FeaturizerDiagnostics.Info(FeaturizerDiagnostics.InvalidScaling, locator.Named(where!), name, problem));
            return Invalid(name, accessibility, offset);
        }

        return min is not null
            ? Single(name, accessibility, FeatureKind.Scalar, source, offset, ScalarScaling.MinMax, min.Value, max!.Value - min.Value)
            : Single(name, accessibility, FeatureKind.Scalar, source, offset, ScalarScaling.CenterScale, center ?? 0, scale ?? 1);
    }

    private static FeatureModel Single(
        string name, string accessibility, FeatureKind kind, IPropertySymbol source, int offset, ScalarScaling scaling, double first, double second) =>
        new(
            name,
            accessibility,
            kind,
            CSharpNames.Escape(source.Name),
            CSharpNames.FullyQualified(source.Type),
            offset,
            1,
            EquatableArray<OneHotCase>.Empty,
            -1,
            new EquatableArray<string>(new[] { name }),
            scaling,
            first,
            second);

    private static FeatureModel Invalid(string name, string accessibility, int offset) =>
        new(name, accessibility, FeatureKind.Invalid, "", "", offset, 0, EquatableArray<OneHotCase>.Empty, -1, EquatableArray<string>.Empty, ScalarScaling.CenterScale, 0, 1);

    private static ContainerModel? BuildContainer(
        FeaturizerKind kind,
        INamedTypeSymbol featurizer,
        ITypeSymbol itemType,
        INamedTypeSymbol? defaultItem,
        AttributeData attribute,
        AttributeArgumentLocator locator,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics)
    {
        string argumentName = kind == FeaturizerKind.Atom ? "MoleculeType" : "ProteinType";
        string itemsProperty = kind == FeaturizerKind.Atom ? "Atoms" : "Residues";
        ITypeSymbol? given = NamedArgument(attribute, argumentName)?.Value as ITypeSymbol;
        ITypeSymbol? containerType = given;
        if (containerType is null && SymbolEqualityComparer.Default.Equals(itemType, defaultItem))
        {
            containerType = compilation.GetTypeByMetadataName(kind == FeaturizerKind.Atom ? WellKnownNames.DefaultMolecule : WellKnownNames.DefaultProtein);
        }

        if (containerType is null || containerType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        IPropertySymbol? items = FindReadableProperty(containerType, itemsProperty, featurizer, compilation);
        string? countMember = items is null ? null : CountMemberOf(items.Type, itemType, compilation);
        if (items is null || countMember is null)
        {
            if (given is not null)
            {
                diagnostics.Add(FeaturizerDiagnostics.Info(
                    FeaturizerDiagnostics.InvalidContainerType,
                    locator.Named(argumentName),
                    containerType.ToDisplayString(),
                    kind == FeaturizerKind.Atom ? "molecule" : "protein",
                    itemsProperty,
                    itemType.ToDisplayString()));
            }

            return null;
        }

        INamedTypeSymbol? featureMatrix = compilation.GetTypeByMetadataName(WellKnownNames.FeatureMatrix);
        INamedTypeSymbol? graph = compilation.GetTypeByMetadataName(WellKnownNames.Graph);
        bool hasToGraph = featureMatrix is not null && graph is not null && AllMembers(containerType, "ToGraph")
            .OfType<IMethodSymbol>()
            .Any(m => !m.IsStatic && m.Parameters.Length == 1 && m.TypeParameters.Length == 0 &&
                SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, featureMatrix) &&
                SymbolEqualityComparer.Default.Equals(m.ReturnType, graph) &&
                compilation.IsSymbolAccessibleWithin(m, featurizer));
        return new ContainerModel(CSharpNames.FullyQualified(containerType), itemsProperty, countMember, containerType.IsReferenceType, hasToGraph);
    }

    /// <summary>"Length" for arrays and array-like types, "Count" for IReadOnlyList implementations, null otherwise.</summary>
    private static string? CountMemberOf(ITypeSymbol listType, ITypeSymbol itemType, Compilation compilation)
    {
        if (listType is IArrayTypeSymbol { Rank: 1 } array)
        {
            return SymbolEqualityComparer.Default.Equals(array.ElementType, itemType) ? "Length" : null;
        }

        INamedTypeSymbol? readOnlyList = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
        if (readOnlyList is null)
        {
            return null;
        }

        INamedTypeSymbol wanted = readOnlyList.Construct(itemType);
        bool isList = SymbolEqualityComparer.Default.Equals(listType, wanted) ||
            listType.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, wanted));
        if (!isList)
        {
            return null;
        }

        bool hasLength = AllMembers(listType, "Length").OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.Type.SpecialType == SpecialType.System_Int32);
        return listType.TypeKind != TypeKind.Interface && hasLength ? "Length" : "Count";
    }

    private static IPropertySymbol? FindReadableProperty(ITypeSymbol type, string? name, INamedTypeSymbol within, Compilation compilation)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return AllMembers(type, name!)
            .OfType<IPropertySymbol>()
            .FirstOrDefault(p => !p.IsStatic && !p.IsIndexer && p.GetMethod is not null &&
                compilation.IsSymbolAccessibleWithin(p.GetMethod, within));
    }

    /// <summary>Members of that name on the type, its base types and (for interfaces) its base interfaces.</summary>
    private static IEnumerable<ISymbol> AllMembers(ITypeSymbol type, string name)
    {
        for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            foreach (ISymbol member in t.GetMembers(name))
            {
                yield return member;
            }
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (INamedTypeSymbol inherited in type.AllInterfaces)
            {
                foreach (ISymbol member in inherited.GetMembers(name))
                {
                    yield return member;
                }
            }
        }
    }

    private static bool IsFeatureAttribute(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() is WellKnownNames.OneHotAttribute or WellKnownNames.FlagAttribute or WellKnownNames.ScalarAttribute;

    private static TypedConstant? NamedArgument(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static double? NumberArgument(AttributeData attribute, string name) =>
        NamedArgument(attribute, name)?.Value is { } value && value is not string && value is IConvertible
            ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static bool IsNumber(SpecialType type) => type is
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or
        SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static LocationInfo? IdentifierLocation(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } declaration
            ? LocationInfo.From(declaration.Identifier)
            : LocationInfo.From(type.Locations.FirstOrDefault());

    private static bool SameSyntax(SyntaxReference? first, SyntaxReference? second) =>
        first is null || second is null || (first.SyntaxTree == second.SyntaxTree && first.Span == second.Span);

    private static string KindWord(FeaturizerKind kind) => kind == FeaturizerKind.Atom ? "atom" : "residue";

    private static FeaturizerResult Failed(DiagnosticInfo diagnostic) =>
        new(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
}
