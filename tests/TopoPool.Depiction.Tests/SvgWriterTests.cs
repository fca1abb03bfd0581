using System.Xml.Linq;
using Xunit;

namespace TopoPool.Depiction.Tests;

public class SvgWriterTests
{
    [Fact]
    public void Attributes_are_escaped_numbers_rounded_to_two_decimals_and_null_ones_left_out()
    {
        var svg = new SvgWriter()
            .Empty("line", ("class", "a\"b<c>&'d"), ("x1", 1.23456), ("y1", -0.004), ("data-node", 12), ("stroke", (string?)null))
            .ToString();

        Assert.Equal("<line class=\"a&quot;b&lt;c&gt;&amp;&apos;d\" x1=\"1.23\" y1=\"0\" data-node=\"12\"/>", svg);
    }

    [Fact]
    public void Text_is_escaped_and_control_characters_are_dropped_so_the_file_stays_xml()
    {
        var svg = new SvgWriter()
            .Start("svg", ("xmlns", "http://www.w3.org/2000/svg")).NewLine()
            .TextElement("title", "R&D <draft>\u0001 \"x\"").NewLine()
            .Start("text").TextElement("tspan", "Cl", ("class", "main")).TextElement("tspan", "2", ("font-size", 9.5)).End("text").NewLine()
            .End("svg")
            .ToString();

        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("R&D <draft> \"x\"", root.Element(ns + "title")!.Value);
        // No line break inside text: a browser would draw it as a space between the pieces of a label.
        Assert.Equal("Cl2", root.Element(ns + "text")!.Value);
        Assert.Contains("<text><tspan class=\"main\">Cl</tspan><tspan font-size=\"9.5\">2</tspan></text>\n", svg);
    }
}
