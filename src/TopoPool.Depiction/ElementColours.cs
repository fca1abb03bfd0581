namespace TopoPool.Depiction;

/// <summary>The colours of element labels and of the bond halves next to them, as RDKit draws them (carbon black).</summary>
internal static class ElementColours
{
    public const string Default = "#000000";

    public static string Of(string symbol) => symbol switch
    {
        "N" => "#0000FF",
        "O" => "#FF0000",
        "F" => "#33CCCC",
        "P" => "#FF7F00",
        "S" => "#CCCC00",
        "Cl" => "#00CC00",
        "Br" => "#7F4C19",
        "I" => "#A01EEF",
        "H" => "#000000",
        _ => Default,
    };
}
