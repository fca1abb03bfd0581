using System.Text;

namespace TopoPool.Generators;

/// <summary>A small writer of indented C# lines (four spaces, '\n' line ends) for the emitted sources.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents.</summary>
    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
        return this;
    }

    /// <summary>Outdents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public IndentedWriter Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
        return this;
    }

    public IndentedWriter Indent()
    {
        depth++;
        return this;
    }

    public IndentedWriter Outdent()
    {
        depth--;
        return this;
    }

    public override string ToString() => builder.ToString();
}
