using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoPool.Generators.Model;

namespace TopoPool.Generators;

/// <summary>
/// Finds where an attribute's arguments are written, so that a diagnostic points at the offending argument
/// (a constructor argument, one element of a <c>params</c> list, or a named argument), falling back to the
/// whole attribute.
/// </summary>
internal sealed class AttributeArgumentLocator
{
    private readonly AttributeSyntax? syntax;
    private readonly List<AttributeArgumentSyntax> positional = new();

    public AttributeArgumentLocator(AttributeData attribute, CancellationToken cancellationToken)
    {
        syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        if (syntax?.ArgumentList is { } list)
        {
            positional.AddRange(list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null));
        }
    }

    /// <summary>The whole attribute.</summary>
    public LocationInfo? Attribute => LocationInfo.From(syntax);

    /// <summary>The constructor argument for parameter <paramref name="index"/> named <paramref name="name"/>.</summary>
    public LocationInfo? Constructor(int index, string name)
    {
        if (NamedByColon(name) is { } byName)
        {
            return LocationInfo.From(byName.Expression);
        }

        return index < positional.Count ? LocationInfo.From(positional[index].Expression) : Attribute;
    }

    /// <summary>Element <paramref name="element"/> of <paramref name="count"/> of the params parameter at <paramref name="index"/>.</summary>
    public LocationInfo? ParamsElement(int index, string name, int element, int count)
    {
        AttributeArgumentSyntax? single = NamedByColon(name);
        if (single is null)
        {
            int rest = positional.Count - index;
            if (rest == count && element < count)
            {
                return LocationInfo.From(positional[index + element]);
            }

            if (rest != 1)
            {
                return Attribute;
            }

            single = positional[index];
        }

        List<SyntaxNode>? elements = single.Expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Cast<SyntaxNode>().ToList(),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.Cast<SyntaxNode>().ToList(),
            CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
            _ => null,
        };
        return elements is not null && elements.Count == count && element < count
            ? LocationInfo.From(elements[element])
            : LocationInfo.From(single);
    }

    /// <summary>The named argument <c>Name = value</c>, or the whole attribute.</summary>
    public LocationInfo? Named(string name)
    {
        AttributeArgumentSyntax? argument = syntax?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument is null ? Attribute : LocationInfo.From(argument);
    }

    private AttributeArgumentSyntax? NamedByColon(string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
}
