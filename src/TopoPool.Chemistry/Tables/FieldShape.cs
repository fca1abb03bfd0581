namespace TopoPool.Chemistry.Tables;

/// <summary>What the raw text of one field looks like to <see cref="DelimitedField.Read"/>.</summary>
internal enum FieldShape
{
    /// <summary>No quote: the text as it is.</summary>
    Plain,

    /// <summary>A well-formed quoted field (spaces around the quotes allowed): the text between them, <c>""</c> read as <c>"</c>.</summary>
    Quoted,

    /// <summary>Quotes inside text that does not start with one (<c>ab"c</c>): kept as written, but such a field
    /// cannot be trusted in a row that spans several lines.</summary>
    StrayQuote,

    /// <summary>Text after the closing quote (<c>"ab"c</c>): malformed.</summary>
    TextAfterClosingQuote,

    /// <summary>An opening quote without its closing quote: malformed.</summary>
    Unclosed,
}
