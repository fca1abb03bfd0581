using System.Text;

namespace TopoPool.Training.Data;

/// <summary>
/// The lines of a TU dataset file, where a line's position is its meaning (line i is node i, edge i or graph i):
/// every line with its 1-based number, blank ones included, except the blank lines at the end of the file.
/// </summary>
internal static class PositionalLines
{
    public static IEnumerable<(int Number, string Text)> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int number = 0, blanks = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                blanks++;
                continue;
            }

            // Blank lines are held back until a value follows them: only then are they lines of the file's content.
            for (int b = blanks; b > 0; b--)
            {
                yield return (number - b, string.Empty);
            }

            blanks = 0;
            yield return (number, text);
        }
    }
}
