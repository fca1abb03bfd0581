using TopoPool.Depiction;
using Xunit;
using Xunit.Abstractions;

namespace TopoPool.Depiction.Tests;

/// <summary>Writes the example pictures (SVG and PNG) for people to compare with RDKit's drawings.</summary>
public class ExamplePictureTests(ITestOutputHelper output)
{
    [Fact]
    public void The_example_pictures_are_written_and_render()
    {
        Directory.CreateDirectory(ExamplePictures.Folder);
        foreach (var (name, smiles) in ExamplePictures.Molecules)
        {
            Write(name, ExamplePictures.ForMolecule(name, smiles).ToSvg());
        }

        foreach (var (name, protein) in ExamplePictures.Proteins())
        {
            Write(name, ClusterPicture.ForProtein(protein, ExamplePictures.ClustersOf(protein), name, "0.91 (enzyme)").ToSvg());
        }
    }

    private void Write(string name, string svg)
    {
        string path = Path.Combine(ExamplePictures.Folder, name);
        File.WriteAllText(path + ".svg", svg);
        using var bitmap = DepictionTestSupport.Render(svg);
        DepictionTestSupport.SavePng(bitmap, path + ".png");
        output.WriteLine($"wrote {path}.svg and .png ({bitmap.Width}×{bitmap.Height})");
    }
}
