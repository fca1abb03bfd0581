using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TopoPool.Generators.Model;

/// <summary>
/// A source location as plain values (file path, text span, line span), so that diagnostics can travel
/// through the pipeline without holding a <see cref="Location"/> or a syntax tree.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
