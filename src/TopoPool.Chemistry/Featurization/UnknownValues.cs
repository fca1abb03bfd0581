namespace TopoPool.Chemistry.Featurization;

/// <summary>What a one-hot feature does with a value that is not in its list.</summary>
public enum UnknownValues
{
    /// <summary>Every column of the feature stays 0.</summary>
    NoSlot = 0,

    /// <summary>An extra last column, named by <see cref="OneHotAttribute.UnknownName"/>, is set.</summary>
    ExtraSlot = 1,

    /// <summary>The column of the last listed value is set (TDC's and DeepChem's <c>one_of_k_encoding_unk</c>).</summary>
    LastSlot = 2,
}
