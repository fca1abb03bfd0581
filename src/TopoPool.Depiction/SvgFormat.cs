using System.Globalization;
using System.Text;

namespace TopoPool.Depiction;

/// <summary>Numbers and text as they are written into SVG: invariant culture, two decimals, XML-escaped.</summary>
internal static class SvgFormat
{
    // Adding 0.0 turns a value that rounds to −0 into 0, which would otherwise be written "-0".
    public static string Number(double value) =>
        (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                default:
                    // Control characters other than tab and newline are not allowed in XML 1.0 at all.
                    if (c >= ' ' || c == '\t' || c == '\n')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
