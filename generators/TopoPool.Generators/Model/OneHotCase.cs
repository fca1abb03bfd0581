namespace TopoPool.Generators.Model;

/// <summary>One listed value of a one-hot feature: its C# literal and the absolute column it sets.</summary>
internal sealed record OneHotCase(string Literal, int Column);
