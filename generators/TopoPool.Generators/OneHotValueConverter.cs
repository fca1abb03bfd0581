using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TopoPool.Generators;

/// <summary>
/// Checks that a one-hot value given in an attribute converts to the type of the property it is compared
/// with, and spells it as a C# constant pattern, a column-name text and a key that finds duplicates.
/// </summary>
internal static class OneHotValueConverter
{
    /// <summary>Whether a one-hot feature can read a property of this type.</summary>
    public static bool IsSupported(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum ||
        type.SpecialType is SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Boolean ||
        IntegerRange(type.SpecialType) is not null;

    public static bool TryConvert(TypedConstant value, ITypeSymbol target, out string literal, out string text, out string key)
    {
        literal = text = key = "";
        if (value.IsNull || value.Kind is TypedConstantKind.Array or TypedConstantKind.Type or TypedConstantKind.Error)
        {
            return false;
        }

        if (target.TypeKind == TypeKind.Enum)
        {
            return TryConvertEnum(value, (INamedTypeSymbol)target, out literal, out text, out key);
        }

        object raw = value.Value!;
        switch (target.SpecialType)
        {
            case SpecialType.System_String when value.Kind == TypedConstantKind.Primitive && raw is string s:
                literal = SymbolDisplay.FormatLiteral(s, quote: true);
                text = s;
                key = "s" + s;
                return true;
            case SpecialType.System_Char when value.Kind == TypedConstantKind.Primitive && (raw is char || raw is string { Length: 1 }):
                char c = raw is char ch ? ch : ((string)raw)[0];
                literal = SymbolDisplay.FormatLiteral(c, quote: true);
                text = c.ToString();
                key = "c" + text;
                return true;
            case SpecialType.System_Boolean when value.Kind == TypedConstantKind.Primitive && raw is bool b:
                literal = text = b ? "true" : "false";
                key = "b" + literal;
                return true;
        }

        if (IntegerRange(target.SpecialType) is { } range && value.Kind == TypedConstantKind.Primitive && IsInteger(raw))
        {
            decimal number = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
            if (number < range.Min || number > range.Max)
            {
                return false;
            }

            literal = text = number.ToString(CultureInfo.InvariantCulture);
            key = "i" + literal;
            return true;
        }

        return false;
    }

    private static bool TryConvertEnum(TypedConstant value, INamedTypeSymbol target, out string literal, out string text, out string key)
    {
        literal = text = key = "";
        IFieldSymbol[] members = target.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToArray();
        IFieldSymbol? member = null;
        object? underlying = null;
        if (value.Kind == TypedConstantKind.Enum && SymbolEqualityComparer.Default.Equals(value.Type, target))
        {
            underlying = value.Value;
            member = members.FirstOrDefault(f => Equals(f.ConstantValue, underlying));
        }
        else if (value.Kind == TypedConstantKind.Primitive && value.Value is string name)
        {
            member = members.FirstOrDefault(f => f.Name == name);
            underlying = member?.ConstantValue;
        }

        if (underlying is null)
        {
            return false;
        }

        string typeName = CSharpNames.FullyQualified(target);
        string number = Convert.ToString(underlying, CultureInfo.InvariantCulture) ?? "";
        literal = member is null ? $"({typeName})({number})" : $"{typeName}.{CSharpNames.Escape(member.Name)}";
        text = member?.Name ?? number;
        key = "e" + number;
        return true;
    }

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong;

    private static (decimal Min, decimal Max)? IntegerRange(SpecialType type) => type switch
    {
        SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
        SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
        SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
        SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
        SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
        SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
        SpecialType.System_Int64 => (long.MinValue, long.MaxValue),
        SpecialType.System_UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => null,
    };
}
