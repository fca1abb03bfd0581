using System.IO.Compression;
using System.Xml.Linq;

namespace TopoPool.Packaging.Tests;

/// <summary>A .nupkg or .snupkg read as what it is, a zip with a .nuspec manifest.</summary>
public sealed class PackageFile
{
    private PackageFile(string path, IReadOnlyList<string> entries, XElement metadata)
    {
        Path = path;
        Entries = entries;
        Metadata = metadata;
    }

    public string Path { get; }

    /// <summary>Every file in the package, by its path inside it.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The manifest's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    public string Id => Field("id");

    public string Version => Field("version");

    public string Field(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

    /// <summary>The package types (&lt;packageTypes&gt;), e.g. DotnetTool.</summary>
    public IReadOnlyList<string> PackageTypes =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name") ?? "").ToList();

    /// <summary>Every dependency of every target framework group, as (id, version).</summary>
    public IReadOnlyList<(string Id, string Version)> Dependencies =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string?)e.Attribute("id") ?? "", (string?)e.Attribute("version") ?? "")).ToList();

    /// <summary>The commit recorded in &lt;repository commit="..."&gt;, or null.</summary>
    public string? RepositoryCommit =>
        (string?)Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("commit");

    public byte[] ReadEntry(string entry)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var stream = (zip.GetEntry(entry) ?? throw new FileNotFoundException($"{System.IO.Path.GetFileName(Path)} has no {entry}")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static PackageFile Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var manifest = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = manifest.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new PackageFile(path, entries, metadata);
    }
}
