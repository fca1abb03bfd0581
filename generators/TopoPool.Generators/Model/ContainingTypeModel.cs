namespace TopoPool.Generators.Model;

/// <summary>A type that encloses the featurizer: its declaration keyword ("class", "record struct"...) and name.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);
