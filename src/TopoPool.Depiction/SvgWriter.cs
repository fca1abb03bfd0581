using System.Globalization;
using System.Text;

namespace TopoPool.Depiction;

/// <summary>
/// Writes SVG markup element by element: attribute values and text are escaped (<see cref="SvgFormat.Escape"/>),
/// numbers written as <see cref="SvgFormat.Number"/> does, an attribute whose value is null is left out. Each call
/// writes exactly its markup; <see cref="NewLine"/> adds the line breaks that keep the file readable, never inside a
/// <c>text</c> element, where a browser would draw them as spaces.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder markup = new();

    /// <summary><c>&lt;element attributes…&gt;</c></summary>
    public SvgWriter Start(string element, params ReadOnlySpan<SvgAttribute> attributes) => Open(element, attributes).Append(">");

    /// <summary><c>&lt;element attributes…/&gt;</c></summary>
    public SvgWriter Empty(string element, params ReadOnlySpan<SvgAttribute> attributes) => Open(element, attributes).Append("/>");

    /// <summary><c>&lt;/element&gt;</c></summary>
    public SvgWriter End(string element) => Append("</").Append(element).Append(">");

    /// <summary>Escaped character data.</summary>
    public SvgWriter Text(string text) => Append(SvgFormat.Escape(text));

    /// <summary><c>&lt;element attributes…&gt;text&lt;/element&gt;</c></summary>
    public SvgWriter TextElement(string element, string text, params ReadOnlySpan<SvgAttribute> attributes) =>
        Start(element, attributes).Text(text).End(element);

    public SvgWriter NewLine() => Append("\n");

    public override string ToString() => markup.ToString();

    private SvgWriter Open(string element, ReadOnlySpan<SvgAttribute> attributes)
    {
        markup.Append('<').Append(element);
        foreach (var attribute in attributes)
        {
            if (attribute.Value is null) continue;
            markup.Append(' ').Append(attribute.Name).Append("=\"").Append(SvgFormat.Escape(attribute.Value)).Append('"');
        }

        return this;
    }

    private SvgWriter Append(string text)
    {
        markup.Append(text);
        return this;
    }
}

/// <summary>One attribute of <see cref="SvgWriter"/>: a name and its value as written (null: left out). Written as a
/// pair, <c>("x1", 12.5)</c>, with numbers formatted on the way in.</summary>
internal readonly record struct SvgAttribute(string Name, string? Value)
{
    public static implicit operator SvgAttribute((string Name, string? Value) attribute) => new(attribute.Name, attribute.Value);

    public static implicit operator SvgAttribute((string Name, double Value) attribute) => new(attribute.Name, SvgFormat.Number(attribute.Value));

    public static implicit operator SvgAttribute((string Name, int Value) attribute) =>
        new(attribute.Name, attribute.Value.ToString(CultureInfo.InvariantCulture));
}
