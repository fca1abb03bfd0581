using System.Text;
using TopoPool.Chemistry.Sdf;
using TopoPool.Chemistry.Tables;

namespace TopoPool.Chemistry.Tests.Sdf;

/// <summary>Small SDF texts for the tests, and a way to read one through <see cref="SdfMoleculeSource"/>.</summary>
internal static class SdfText
{
    /// <summary>Ethanol, V2000, 2D: C-C-O, with its title on the first line.</summary>
    public static string Ethanol(string title = "ethanol") =>
        title + "\n" +
        "     RDKit          2D\n" +
        "\n" +
        "  3  2  0  0  0  0  0  0  0  0999 V2000\n" +
        "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n" +
        "    1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n" +
        "    2.5981   -0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n" +
        "  1  2  1  0\n" +
        "  2  3  1  0\n" +
        "M  END\n";

    /// <summary>A record: the molfile, then each data item as <c>&gt;  &lt;NAME&gt;</c> and its value, then <c>$$$$</c>.</summary>
    public static string Record(string molfile, params (string Name, string Value)[] items)
    {
        var text = new StringBuilder(molfile);
        foreach (var (name, value) in items)
        {
            text.Append(">  <").Append(name).Append(">\n").Append(value).Append("\n\n");
        }

        return text.Append("$$$$\n").ToString();
    }

    public static SdfMoleculeSource Source(string text, string name = "test.sdf") =>
        SdfMoleculeSource.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    public static List<MoleculeRecord> Read(string text)
    {
        using var source = Source(text);
        return source.Read().ToList();
    }
}
