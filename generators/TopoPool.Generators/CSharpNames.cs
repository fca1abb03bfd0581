using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TopoPool.Generators;

/// <summary>How symbols are spelled in emitted code.</summary>
internal static class CSharpNames
{
    /// <summary>The identifier as it must be written (with '@' when it is a reserved keyword).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The <c>global::</c>-qualified name of a type.</summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The keywords of an accessibility, as a partial member's parts must repeat them.</summary>
    public static string AccessibilityKeywords(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>The keyword that declares a type of this kind ("class", "struct", "record", "record struct", "interface").</summary>
    public static string DeclarationKeyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
        TypeKind.Interface => "interface",
        _ => type.IsRecord ? "record" : "class",
    };
}
